import "server-only";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/api/errors";

/*
 * The largest JSON body a route takes unless it says otherwise (withRoute's `maxBodyBytes`). Today's
 * biggest is a create (business name 255, email 254, password 128 characters) or a reason of 500: under
 * 4 KiB even with every character written as a JSON \u escape. 64 KiB leaves room to grow while a flood of
 * bodies costs little memory. A route taking long lists raises its own limit (bulk jobs: up to 10,000 ids,
 * about 400 KB). next.config.js caps what the proxy copies of a body at 1 MiB (see why there).
 */
export const maxBodyBytes = 64 * 1024;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Query strings and path ids that fail their schema are the caller's mistake: 400 with field messages. */
export function parseParams<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("bad_request", `Some ${what} are not valid.`, { fields: fieldErrorsOf(result.error) });
  }
  return result.data;
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${limit / 1024} KiB.`);
}

/**
 * Reads the body as text, refusing one over the limit without holding it: a declared Content-Length is
 * checked before reading, and a chunked (or lying) body is cut off as soon as it passes the limit.
 */
async function readBodyText(request: Request, limit = maxBodyBytes): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** A body that is JSON but breaks the rules of the form: 422 with the message for each field. */
export async function parseBody<T extends z.ZodType>(
  schema: T,
  request: Request,
  limit = maxBodyBytes,
): Promise<z.output<T>> {
  const text = await readBodyText(request, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new AppError("validation_failed", "Please correct the highlighted fields.", {
      fields: fieldErrorsOf(result.error),
    });
  }
  return result.data;
}

/** The query string as one value per name; a name given twice is refused rather than one silently kept. */
export function searchParamsObject(request: Request): Record<string, string> {
  const query = new Map<string, string>();
  const repeated = new Map<string, string>();
  for (const [name, value] of new URL(request.url).searchParams) {
    if (query.has(name)) repeated.set(name, `Give ${name} only once.`);
    query.set(name, value);
  }
  if (repeated.size > 0) {
    throw new AppError("bad_request", "Some query parameters are given more than once.", {
      fields: Object.fromEntries(repeated),
    });
  }
  return Object.fromEntries(query);
}
