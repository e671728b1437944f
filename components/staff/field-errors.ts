import { ApiError } from "@/lib/queries/fetch-json";

/** The server's refusal as a message and per-field messages for a form. */
export function describeStaffError(error: unknown): { message?: string; fields: Record<string, string> } {
  if (!error) return { fields: {} };
  if (error instanceof ApiError) {
    return { message: error.fields ? undefined : error.message, fields: error.fields ?? {} };
  }
  return { message: error instanceof Error ? error.message : "Something went wrong.", fields: {} };
}
