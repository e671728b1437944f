import { afterEach, describe, expect, it, vi } from "vitest";
import { errorFields, log, toPrintableJson } from "@/lib/log";

// Every log line is plain printable ASCII and still JSON: no byte a request sent can steer a terminal, split
// a line or reorder what a log viewer shows.

const printableLine = /^[\x20-\x7e]*$/;

function capture() {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      // One write per line, the line and its newline.
      expect(String(chunk).endsWith("\n")).toBe(true);
      lines.push(String(chunk).slice(0, -1));
      return true;
    });
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

const hostile: [string, string][] = [
  ["NUL", "a\u0000b"],
  ["ESC sequence", "a\u001b[2Jb"],
  ["CR and LF", "a\r\nfake line"],
  ["DEL", "a\u007fb"],
  ["C1 controls", "a\u0085b\u009bc"],
  ["line and paragraph separators", "a\u2028b\u2029c"],
  ["bidi override and isolate", "a\u202eb\u2066c"],
  ["zero-width space and BOM", "a\u200bb\ufeffc"],
  ["lone surrogates", "a\ud800b\udc00c"],
  ["non-ASCII letters and an emoji", "Café 株式会社 👩‍👩‍👧"],
];

describe("toPrintableJson", () => {
  for (const [name, text] of hostile) {
    it(`escapes ${name} and round-trips`, () => {
      const line = toPrintableJson({ text });
      expect(line).toMatch(printableLine);
      expect(JSON.parse(line)).toEqual({ text });
    });
  }
});

describe("log", () => {
  it("writes every field, message and key escaped, one line each", () => {
    const lines = capture();
    log.info("request \u001b[31m", { "key\u202e": "value\u0000", nested: { deep: "x\u2028y" } });
    log.error("failed", { detail: "\u009b" });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(printableLine);
      expect(line).not.toContain("\n");
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: "request \u001b[31m",
      "key\u202e": "value\u0000",
    });
  });

  it("logs an unexpected error's stack through the same escaping", () => {
    const lines = capture();
    const error = new Error("bad byte \u0000 and \u001b[2J in a message");
    log.error("request failed", { ...errorFields(error) });
    const line = lines[0]!;
    expect(line).toMatch(printableLine);
    const entry = JSON.parse(line) as { error: string; stack: string };
    expect(entry.error).toBe("Error: bad byte \u0000 and \u001b[2J in a message");
    expect(entry.stack).toContain("log.test.ts");
  });

  it("still redacts secret-looking keys", () => {
    const lines = capture();
    log.info("x", { password: "hunter2\u0000", apiKey: "KEY" });
    expect(lines[0]).not.toContain("hunter2");
    expect(lines[0]).not.toContain("KEY");
  });
});
