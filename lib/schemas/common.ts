// Shared by forms (browser) and route handlers (server): no server-only imports here.
import { z } from "zod";

// zod 4 probes for eval support (`new Function("")`) the first time it parses an object, to compile a fast
// path. Under the console's CSP (no 'unsafe-eval') the probe fails harmlessly but still raises a CSP
// violation report in the browser: tell zod not to try. Every schema file imports this one, so the setting
// is in place before any parse, and only pages that validate something download zod.
z.config({ jitless: true });

/** Query strings deliver "" for a cleared input: treat it as absent so the default applies. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/*
 * Characters no field of ours needs and that make text lie or break what stores and shows it: C0 controls
 * (NUL is refused by PostgreSQL and ESC drives terminals), DEL, C1 controls, the line and paragraph
 * separators, bidi embeddings/overrides/isolates and marks (they reorder what an audit row appears to say),
 * and characters that show nothing: zero-width space, soft hyphen, word joiner and invisible operators,
 * BOM, the Hangul and Mongolian fillers and separators, interlinear annotation marks and tag characters
 * (they make two names look the same, or hide text inside one). Lone surrogates are not text at all.
 * Multi-line fields (a reason typed in a textarea) keep tab and line breaks.
 */
const unsafeAlways = new RegExp(
  [
    "[\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e]",
    "[\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb]",
    // Tag characters (U+E0000-U+E007F), as the surrogate pairs they are in a JavaScript string.
    "\\udb40[\\udc00-\\udc7f]",
    "[\\ud800-\\udbff](?![\\udc00-\\udfff])",
    "(?<![\\ud800-\\udbff])[\\udc00-\\udfff]",
  ].join("|"),
);
const singleLineBreaks = /[\u0000-\u0008\u0009\u000a\u000d]/;
const multiLineBreaks = /[\u0000-\u0008]/;
// Zero-width (non-)joiners are needed inside Persian and Indic words and emoji sequences; anywhere else
// they only hide something.
const strayJoiner =
  /(?<![\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}\p{N}\p{Extended_Pictographic}])/u;

export const unsafeTextMessage = "Remove the control or invisible characters from this text.";

/** True when `text` holds a character that no text field accepts (see above). */
export function hasUnsafeCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  const breaks = options.multiline ? multiLineBreaks : singleLineBreaks;
  return unsafeAlways.test(text) || breaks.test(text) || strayJoiner.test(text);
}

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

// Whitespace, invisible format characters, controls and combining marks: none of them shows on its own.
const invisibleOrSpace = /[\p{White_Space}\p{Cf}\p{Cc}\p{M}]/gu;

/** How many characters of `text` a reader can see (a name or a reason of zero-width spaces has none). */
export function visibleLength(text: string): number {
  return [...text.replace(invisibleOrSpace, "")].length;
}

const minReasonVisible = 3;

/** Why a change is made, written to the audit trail. A textarea: line breaks are kept. */
export const reasonSchema = safeText({ multiline: true, error: "Give a reason." })
  .trim()
  .max(500, "Keep the reason under 500 characters.")
  .refine((text) => visibleLength(text) >= minReasonVisible, {
    message: `Give a reason of at least ${minReasonVisible} characters.`,
  });

/**
 * One set of page sizes and one default for every list: the pager offers these, the URL parsers accept them
 * and the API schemas default to the same size. 10 stays so saved views and links made with it still open.
 */
export const listPageSizes = [10, 25, 50, 100, 250] as const;
export type ListPageSize = (typeof listPageSizes)[number];
export const defaultListPageSize = 50;
export const maxListPageSize = 250;
/** A list query's pageSize: any size up to the largest offered (API callers may ask for others), same default. */
export const listPageSizeQuery = queryInteger("Page size", 1, maxListPageSize, defaultListPageSize);
/** A list query's page number, from 1. */
export const listPageQuery = queryInteger("Page", 1, 100_000, 1);

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
