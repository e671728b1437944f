import "server-only";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/api/errors";

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

/** A body that is JSON but breaks the rules of the form: 422 with the message for each field. */
export async function parseBody<T extends z.ZodType>(schema: T, request: Request): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = await request.json();
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

export function searchParamsObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}
