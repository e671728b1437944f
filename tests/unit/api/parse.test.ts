import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/lib/api/errors";
import { maxBodyBytes, parseBody, searchParamsObject } from "@/lib/api/parse";

// The body and query-string readers every route goes through (via withRoute).

const schema = z.object({ name: z.string() });

async function failure(work: () => Promise<unknown> | unknown) {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pulled = 0;
  return new ReadableStream({
    pull(controller) {
      if (pulled === chunks.length) return controller.close();
      controller.enqueue(encoder.encode(chunks[pulled++]));
    },
  });
}

describe("parseBody", () => {
  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    let read = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const body = new ReadableStream({ pull: () => void (read = true) }, { highWaterMark: 0 });
    const request = new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-length": String(maxBodyBytes + 1) },
      duplex: "half",
    } as RequestInit);
    const error = await failure(() => parseBody(schema, request));
    expect(error.code).toBe("payload_too_large");
    expect(error.status).toBe(413);
    expect(error.message).toContain("64 KiB");
    expect(read).toBe(false);
  });

  it("cuts a chunked body off as soon as it passes the limit, without reading the rest", async () => {
    const chunk = "x".repeat(16 * 1024);
    let pulls = 0;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(encoder.encode(chunk));
      },
    });
    const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
    const error = await failure(() => parseBody(schema, request));
    expect(error.code).toBe("payload_too_large");
    // An endless body: reading stopped just past 64 KiB (5 chunks of 16 KiB, plus what the stream queued).
    expect(pulls).toBeLessThan(10);
  });

  it("reads a body at the limit and parses it; bad JSON is still 400", async () => {
    const padding = "y".repeat(maxBodyBytes - JSON.stringify({ name: "" }).length);
    const exact = JSON.stringify({ name: padding });
    expect(new TextEncoder().encode(exact).byteLength).toBe(maxBodyBytes);
    const request = new Request("http://x/", {
      method: "POST",
      body: streamOf([exact]),
      duplex: "half",
    } as RequestInit);
    expect((await parseBody(schema, request)).name).toHaveLength(padding.length);
    const bad = await failure(() =>
      parseBody(schema, new Request("http://x/", { method: "POST", body: "{" })),
    );
    expect(bad.code).toBe("bad_request");
  });
});

describe("a route's own body limit", () => {
  it("admits what the default refuses, and names its own limit when passed", async () => {
    const limit = 512 * 1024;
    const body = JSON.stringify({ name: "z".repeat(100 * 1024) });
    const request = () => new Request("http://x/", { method: "POST", body });
    expect((await failure(() => parseBody(schema, request()))).status).toBe(413);
    expect((await parseBody(schema, request(), limit)).name).toHaveLength(100 * 1024);
    const over = JSON.stringify({ name: "z".repeat(limit) });
    const error = await failure(() =>
      parseBody(schema, new Request("http://x/", { method: "POST", body: over }), limit),
    );
    expect(error.message).toContain("512 KiB");
  });
});

describe("searchParamsObject", () => {
  it("refuses a name given twice, naming it", async () => {
    const error = await failure(() => searchParamsObject(new Request("http://x/?page=1&pageSize=5&page=2")));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ page: "Give page only once." });
  });

  it("keeps each name once, and a __proto__ name as a plain value", () => {
    const query = searchParamsObject(new Request("http://x/?page=1&__proto__=x&email=a%00b"));
    expect(query).toEqual({ page: "1", ["__proto__"]: "x", email: "a\u0000b" });
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
  });
});
