// Shared by forms (browser) and route handlers (server): no server-only imports here.
import { z } from "zod";

/** Query strings deliver "" for a cleared input: treat it as absent so the default applies. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export function queryInteger(name: string, min: number, max: number, fallback: number) {
  const message = `${name} must be a whole number from ${min} to ${max}.`;
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback),
  );
}

/** Accepts a real boolean (forms) or "true"/"false"/"1"/"0" (query strings). */
export const queryBoolean = z.preprocess(
  (value) => {
    const text = blankToUndefined(value);
    if (text === "true" || text === "1") return true;
    if (text === "false" || text === "0") return false;
    return text;
  },
  z.boolean({ error: "Use true or false." }).optional(),
);

export function optionalText(maxLength: number) {
  return z.preprocess(blankToUndefined, z.string().trim().max(maxLength).optional());
}

export function optionalEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(blankToUndefined, z.enum(values).optional());
}

/**
 * Ids are checked before they reach an upstream path. `guid` (any 8-4-4-4-12 hex) rather than `uuid`:
 * Telnyx does not promise RFC 9562 version and variant bits, and a valid id must never be refused.
 */
export const idSchema = z.guid({ error: "This is not a valid id." });
export const idParamsSchema = z.object({ id: idSchema });

/** Why a change is made, written to the audit trail. */
export const reasonSchema = z
  .string({ error: "Give a reason." })
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(500, "Keep the reason under 500 characters.");

export const listMetaSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  totalPages: z.number().int(),
  totalResults: z.number().int(),
});
export type ListMeta = z.infer<typeof listMetaSchema>;

export interface ListResult<T> {
  data: T[];
  meta: ListMeta;
}

export function listResultSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), meta: listMetaSchema });
}
