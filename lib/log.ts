import "server-only";

type Level = "info" | "warn" | "error";

// Keys whose values never reach a log line, whatever a caller passes in.
const secretKeyPattern = /password|secret|token|api_?key|authorization|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      secretKeyPattern.test(key) ? "[redacted]" : redact(inner, depth + 1),
    ]),
  );
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message,
    ...(redact(fields) as object),
  });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const log = {
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
