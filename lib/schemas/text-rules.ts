// The text rules every field follows, without zod: the schemas (lib/schemas/common.ts) build on them on
// the server, and a browser form can check the same rules without downloading zod.

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

// Whitespace, invisible format characters, controls and combining marks: none of them shows on its own.
const invisibleOrSpace = /[\p{White_Space}\p{Cf}\p{Cc}\p{M}]/gu;

/** How many characters of `text` a reader can see (a name or a reason of zero-width spaces has none). */
export function visibleLength(text: string): number {
  return [...text.replace(invisibleOrSpace, "")].length;
}

export const minReasonVisible = 3;
export const maxReasonLength = 500;

/** What reasonSchema would say about `text` (trimmed), or undefined when it is a valid reason. */
export function reasonProblem(text: string): string | undefined {
  if (hasUnsafeCharacters(text, { multiline: true })) return unsafeTextMessage;
  const trimmed = text.trim();
  if (trimmed.length > maxReasonLength) return "Keep the reason under 500 characters.";
  if (visibleLength(trimmed) < minReasonVisible)
    return `Give a reason of at least ${minReasonVisible} characters.`;
  return undefined;
}
