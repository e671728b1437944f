import { describe, expect, it } from "vitest";
import { CsvFormulaGuard, createCsvFormulaGuardStream } from "@/lib/users/csv-formula-guard";

const encoder = new TextEncoder();
// ignoreBOM keeps a byte-order mark in the text, so the tests can see it pass through.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

function guardInChunks(csv: string, cuts: number[]): string {
  const bytes = encoder.encode(csv);
  const guard = new CsvFormulaGuard();
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    parts.push(guard.push(bytes.subarray(from, cut)));
    from = cut;
  }
  return decoder.decode(Buffer.concat(parts));
}

const guardWhole = (csv: string) => guardInChunks(csv, []);

// A report with every case that matters: quoted and unquoted risky cells, escaped quotes, commas and
// newlines inside quotes, CRLF line ends, empty cells, non-ASCII text, and harmless look-alikes.
const REPORT = [
  "id,email,user_status,created_at,last_sign_in_at,groups",
  'a1,=cmd|"/C calc"!A0@x.example,enabled,2024-01-01T00:00:00Z,,"=HYPERLINK(""http://x""), Sales"',
  'a2,+1@x.example,disabled,2024-01-02T00:00:00Z,2024-02-01T00:00:00Z,"+Evil"',
  'a3,-minus@x.example,blocked,,,"Billing, =not-first"',
  'a4,@at@x.example,enabled,,,"@Ops"',
  'a5,\tTab@x.example,enabled,,,"\ttabbed"',
  'a6,"quoted=later@x.example",enabled,,,"-""quoted"" dash"',
  'a7,zoë@x.example,enabled,,,"line one\nline two, =still inside"',
  'a8,"""=quote-first""@x.example",enabled,,,""',
  'a9,"\rcr@x.example",enabled,,,"Ünïcode ✓"',
].join("\r\n");

const EXPECTED = [
  "id,email,user_status,created_at,last_sign_in_at,groups",
  'a1,\'=cmd|"/C calc"!A0@x.example,enabled,2024-01-01T00:00:00Z,,"\'=HYPERLINK(""http://x""), Sales"',
  "a2,'+1@x.example,disabled,2024-01-02T00:00:00Z,2024-02-01T00:00:00Z,\"'+Evil\"",
  'a3,\'-minus@x.example,blocked,,,"Billing, =not-first"',
  "a4,'@at@x.example,enabled,,,\"'@Ops\"",
  "a5,'\tTab@x.example,enabled,,,\"'\ttabbed\"",
  'a6,"quoted=later@x.example",enabled,,,"\'-""quoted"" dash"',
  'a7,zoë@x.example,enabled,,,"line one\nline two, =still inside"',
  'a8,"""=quote-first""@x.example",enabled,,,""',
  'a9,"\'\rcr@x.example",enabled,,,"Ünïcode ✓"',
].join("\r\n");

describe("CsvFormulaGuard", () => {
  it("prefixes an apostrophe to every cell that starts like a formula, keeping its quotes", () => {
    expect(guardWhole(REPORT)).toBe(EXPECTED);
  });

  it("gives the same answer whatever byte the report is cut at", () => {
    const length = encoder.encode(REPORT).length;
    for (let cut = 0; cut <= length; cut += 1) {
      expect(guardInChunks(REPORT, [cut]), `cut at byte ${cut}`).toBe(EXPECTED);
    }
  });

  it("gives the same answer when every byte arrives alone, and for random cuts", () => {
    const length = encoder.encode(REPORT).length;
    expect(
      guardInChunks(
        REPORT,
        Array.from({ length }, (_, index) => index),
      ),
    ).toBe(EXPECTED);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round += 1) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * length));
      expect(
        guardInChunks(
          REPORT,
          cuts.sort((a, b) => a - b),
        ),
      ).toBe(EXPECTED);
    }
  });

  it("leaves a CSV with nothing risky byte for byte as it was, and returns the same chunk", () => {
    const safe = 'id,email\nb1,"a, b"\nb2,plain\n';
    const chunk = encoder.encode(safe);
    expect(new CsvFormulaGuard().push(chunk)).toBe(chunk);
  });

  it("treats a split byte-order mark as no cell, and a false start of one as text", () => {
    const withBom = "\uFEFF=1+1,x\n";
    expect(guardInChunks(withBom, [1, 2])).toBe("\uFEFF'=1+1,x\n");
    const bytes = new Uint8Array([0xef, 0x3d, 0x0a, 0x3d]);
    const guard = new CsvFormulaGuard();
    const out = Buffer.concat([guard.push(bytes.subarray(0, 1)), guard.push(bytes.subarray(1))]);
    expect([...out]).toEqual([0xef, 0x3d, 0x0a, 0x27, 0x3d]);
  });

  it("counts what it neutralised", () => {
    const guard = new CsvFormulaGuard();
    guard.push(encoder.encode(REPORT));
    expect(guard.neutralisedCells).toBe(11);
  });

  it("works as a TransformStream", async () => {
    const bytes = encoder.encode(REPORT);
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < bytes.length; index += 17) {
          controller.enqueue(bytes.subarray(index, index + 17));
        }
        controller.close();
      },
    });
    const text = await new Response(source.pipeThrough(createCsvFormulaGuardStream())).text();
    expect(text).toBe(EXPECTED);
  });
});
