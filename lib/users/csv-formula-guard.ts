// Spreadsheet-formula neutralising for a CSV that arrives in arbitrary chunks (CWE-1236). A cell whose
// content starts with = + - @ tab or CR would be read by Excel or Sheets as a formula: it gets a leading
// apostrophe, inside its quotes when it is quoted, so the quoting and every other byte stay as they were.
//
// Only the first character of each cell matters, so this is a byte-level state machine that never holds a
// cell back: memory is one chunk, whatever the size of the report or of a cell. Every CSV delimiter is
// ASCII and UTF-8 never uses ASCII bytes inside a multi-byte character, so a chunk boundary anywhere (in a
// quoted field, between the two quotes of an escaped "", inside a multi-byte character) is harmless.
import "server-only";

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const APOSTROPHE = 0x27;
// =, +, -, @, tab. CR counts only inside quotes: unquoted, it ends the record.
const FORMULA_STARTS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09]);
const BOM = [0xef, 0xbb, 0xbf];

const enum State {
  CellStart,
  Unquoted,
  QuotedFirst,
  Quoted,
  QuoteInQuoted,
}

export class CsvFormulaGuard {
  private state = State.CellStart;
  private bomSeen = 0;
  private isAtStreamStart = true;

  /** Cells neutralised so far. */
  neutralisedCells = 0;

  /** Passes one chunk through; the answer is the chunk with an apostrophe before each risky cell. */
  push(chunk: Uint8Array): Uint8Array {
    const insertAt: number[] = [];
    let index = this.skipBom(chunk);
    for (; index < chunk.length; index += 1) {
      const byte = chunk[index] as number;
      switch (this.state) {
        case State.CellStart:
          if (byte === QUOTE) this.state = State.QuotedFirst;
          else if (byte === COMMA || byte === LF || byte === CR) this.state = State.CellStart;
          else {
            if (FORMULA_STARTS.has(byte)) insertAt.push(index);
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted:
          if (byte === COMMA || byte === LF || byte === CR) this.state = State.CellStart;
          break;
        case State.QuotedFirst:
          if (byte === QUOTE) this.state = State.QuoteInQuoted;
          else {
            if (FORMULA_STARTS.has(byte) || byte === CR) insertAt.push(index);
            this.state = State.Quoted;
          }
          break;
        case State.Quoted:
          if (byte === QUOTE) this.state = State.QuoteInQuoted;
          break;
        case State.QuoteInQuoted:
          // "" is an escaped quote; anything else closed the field.
          if (byte === QUOTE) this.state = State.Quoted;
          else if (byte === COMMA || byte === LF || byte === CR) this.state = State.CellStart;
          else this.state = State.Unquoted;
          break;
      }
    }
    this.neutralisedCells += insertAt.length;
    return insertAt.length === 0 ? chunk : withApostrophes(chunk, insertAt);
  }

  /** A UTF-8 byte-order mark belongs to no cell; it may itself be split across chunks. */
  private skipBom(chunk: Uint8Array): number {
    if (!this.isAtStreamStart) return 0;
    let index = 0;
    while (index < chunk.length && this.bomSeen < BOM.length) {
      if (chunk[index] !== BOM[this.bomSeen]) {
        this.isAtStreamStart = false;
        // Not a BOM after all: the bytes matched so far began the first cell, and 0xEF is no formula.
        if (this.bomSeen > 0) this.state = State.Unquoted;
        return index;
      }
      index += 1;
      this.bomSeen += 1;
    }
    if (this.bomSeen === BOM.length) this.isAtStreamStart = false;
    return index;
  }
}

function withApostrophes(chunk: Uint8Array, insertAt: number[]): Uint8Array {
  const out = new Uint8Array(chunk.length + insertAt.length);
  let from = 0;
  let to = 0;
  for (const position of insertAt) {
    out.set(chunk.subarray(from, position), to);
    to += position - from;
    out[to] = APOSTROPHE;
    to += 1;
    from = position;
  }
  out.set(chunk.subarray(from), to);
  return out;
}

/** The guard as a TransformStream, for piping a CSV download through. */
export function createCsvFormulaGuardStream(): TransformStream<Uint8Array, Uint8Array> {
  const guard = new CsvFormulaGuard();
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      controller.enqueue(guard.push(chunk));
    },
  });
}
