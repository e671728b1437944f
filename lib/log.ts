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

/**
 * JSON.stringify escapes C0 controls, quotes and lone surrogates but passes everything else through: C1
 * controls, U+2028/U+2029, bidi overrides. Escaping every character outside printable ASCII keeps each
 * line one line of plain text that no terminal or log viewer can be steered by, and still valid JSON.
 */
export function toPrintableJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** An unexpected error as log fields: its message and stack go through the same escaping as the rest. */
export function errorFields(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) return { error: `${error.name}: ${error.message}`, stack: error.stack };
  return { error: String(error) };
}

/*
 * Straight to the process's streams, not through console.log: Next 16 wraps every console method (each
 * call leaves its AsyncLocalStorage first), and console.log formats its arguments before writing. A line
 * here is already one finished string, and every API request writes one: on Node 24 the whole log call
 * took 0.088 ms of the 2.5 ms of CPU a list request takes at c=50, and takes 0.049 ms written straight out,
 * 0.02 ms of it the write itself (--cpu-prof, two profiles each; npm run bench -- --node 24 for the load).
 */
function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const line = toPrintableJson({
    time: new Date().toISOString(),
    level,
    message,
    ...(redact(fields) as object),
  });
  (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
