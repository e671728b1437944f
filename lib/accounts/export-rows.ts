// Counts the rows of an accounts export as its bytes arrive, for the page's progress line. Knows the two
// layouts lib/accounts/export-format.ts writes: CSV records end with a line break outside quotes (the
// first is the header); JSON puts each row on its own line, starting with "{". Byte-level and stateful, so
// a chunk may end anywhere.
const QUOTE = 0x22;
const LF = 0x0a;
const OPEN_BRACE = 0x7b;

export type ExportFormat = "csv" | "json";

export interface RowCounter {
  /** Adds a chunk; answers the rows complete (CSV) or begun (JSON) so far. */
  push(chunk: Uint8Array): number;
}

export function createRowCounter(format: ExportFormat): RowCounter {
  let lines = 0;
  let isQuoted = false;
  let isLineStart = false;
  if (format === "csv") {
    return {
      push(chunk) {
        for (const byte of chunk) {
          if (byte === QUOTE) isQuoted = !isQuoted;
          else if (byte === LF && !isQuoted) lines += 1;
        }
        return Math.max(0, lines - 1);
      },
    };
  }
  return {
    push(chunk) {
      for (const byte of chunk) {
        if (isLineStart && byte === OPEN_BRACE) lines += 1;
        isLineStart = byte === LF;
      }
      return lines;
    },
  };
}
