import { ApiError } from "@/lib/queries/fetch-json";

/** A failed action's message for the dialog, plus the field messages the API mapped back. */
export function describeActionError(error: unknown): { message: string; fields: Record<string, string> } {
  if (error instanceof ApiError) {
    const wait = error.status === 429 && error.retryAfter ? ` Try again in ${error.retryAfter} s.` : "";
    return { message: `${error.message}${wait}`, fields: error.fields ?? {} };
  }
  return { message: "Something went wrong. Try again.", fields: {} };
}
