import { describe, expect, it } from "vitest";
import { createRowCounter } from "@/lib/accounts/export-rows";

// The browser's row count for the export's progress line, fed the bytes split at every possible place.

const encoder = new TextEncoder();

function countSplitAt(format: "csv" | "json", text: string, at: number): number {
  const bytes = encoder.encode(text);
  const counter = createRowCounter(format);
  counter.push(bytes.subarray(0, at));
  return counter.push(bytes.subarray(at));
}

describe("createRowCounter", () => {
  it("counts CSV records after the header, a line break inside quotes being part of a cell", () => {
    const csv = '"id","organizationName"\r\n"1","Acme\nWest"\r\n"2","say ""hi"", ok"\r\n"3","é"\r\n';
    for (let at = 0; at <= encoder.encode(csv).length; at += 1) expect(countSplitAt("csv", csv, at)).toBe(3);
    expect(createRowCounter("csv").push(encoder.encode('"id"\r\n'))).toBe(0);
  });

  it("counts JSON rows, one per line, however the chunks fall", () => {
    const json = '{"data":[\n{"id":"1","organizationName":"{x}"},\n{"id":"2"}\n]}\n';
    for (let at = 0; at <= json.length; at += 1) expect(countSplitAt("json", json, at)).toBe(2);
    expect(createRowCounter("json").push(encoder.encode('{"data":[\n]}\n'))).toBe(0);
  });
});
