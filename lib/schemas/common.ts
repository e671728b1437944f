// Shared by forms (browser) and route handlers (server): no server-only imports here.
import { z } from "zod";
import {
  hasUnsafeCharacters,
  maxReasonLength,
  minReasonVisible,
  unsafeTextMessage,
  visibleLength,
} from "./text-rules";
import { defaultListPageSize, maxListPage, maxListPageSize } from "./values";

// zod 4 probes for eval support (`new Function("")`) the first time it parses an object, to compile a fast
// path. Under the console's CSP (no 'unsafe-eval') the probe fails harmlessly but still raises a CSP
// violation report in the browser: tell zod not to try. Every schema file imports this one, so the setting
// is in place before any parse, and only pages that validate something download zod.
z.config({ jitless: true });

// The plain text rules and list sizes live in zod-free files so the browser can use them without zod.
export { hasUnsafeCharacters, unsafeTextMessage, visibleLength } from "./text-rules";
export { defaultListPageSize, listPageSizes, maxListPageSize, type ListPageSize } from "./values";

/** Query strings deliver "" for a cleared input: treat it as absent so the default applies. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * The one string schema for text a person or client sends (bodies and query strings alike): a string free
 * of control and invisible characters. Every text field starts here, so a NUL or a bidi override is a field
 * message before anything is written or sent to Telnyx.
 */
export function safeText(options: { multiline?: boolean; error?: string } = {}) {
  return z
    .string({ error: options.error })
    .refine((text) => !hasUnsafeCharacters(text, options), { message: unsafeTextMessage, abort: true });
}

// Integers in a query string are plain decimals: no sign, exponent, hex, fraction or spaces ("1e2" and
// "0x10" are not page sizes, whatever Number() makes of them).
const plainDecimal = /^[0-9]{1,15}$/;

/** A query-string integer (or a real number from server code that builds the same query). */
export function queryInteger(name: string, min: number, max: number, fallback: number) {
  const message = `${name} must be a whole number from ${min} to ${max}.`;
  return z.preprocess(
    (value) => {
      const text = blankToUndefined(value);
      if (typeof text !== "string") return text;
      return plainDecimal.test(text) ? Number(text) : Number.NaN;
    },
    z.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback),
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
  return z.preprocess(blankToUndefined, safeText().trim().max(maxLength).optional());
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

/** Why a change is made, written to the audit trail. A textarea: line breaks are kept. */
export const reasonSchema = safeText({ multiline: true, error: "Give a reason." })
  .trim()
  .max(maxReasonLength, "Keep the reason under 500 characters.")
  .refine((text) => visibleLength(text) >= minReasonVisible, {
    message: `Give a reason of at least ${minReasonVisible} characters.`,
  });

/** A list query's pageSize: any size up to the largest offered (API callers may ask for others), same default. */
export const listPageSizeQuery = queryInteger("Page size", 1, maxListPageSize, defaultListPageSize);
/** A list query's page number, from 1. */
export const listPageQuery = queryInteger("Page", 1, maxListPage, 1);

export const listMetaSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  totalPages: z.number().int(),
  totalResults: z.number().int(),
});
export type ListMeta = z.infer<typeof listMetaSchema>;

/** The meta of a page read from our own tables: at least one page, so an empty list still has page 1. */
export function listMetaOf(query: { page: number; pageSize: number }, totalResults: number): ListMeta {
  return {
    page: query.page,
    pageSize: query.pageSize,
    totalPages: Math.max(1, Math.ceil(totalResults / query.pageSize)),
    totalResults,
  };
}

export interface ListResult<T> {
  data: T[];
  meta: ListMeta;
}

export function listResultSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), meta: listMetaSchema });
}
