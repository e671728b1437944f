import { describe, expect, it } from "vitest";
import { collectStartupGarbage } from "@/lib/memory";

// PGlite's initdb leaves two WebAssembly instances behind on a fresh data directory; an idle server runs no
// collection that would free their memory (lib/memory.ts). This holds the one collection start-up runs.
/** 64 MiB of touched WebAssembly memory, referred to by nothing but the WeakRef returned. */
function droppedMemory(): WeakRef<WebAssembly.Memory> {
  const memory = new WebAssembly.Memory({ initial: 1024 });
  new Uint8Array(memory.buffer).fill(1);
  return new WeakRef(memory);
}

describe("collectStartupGarbage", () => {
  it("frees WebAssembly memory nothing refers to any more", async () => {
    const dropped = droppedMemory();
    // A WeakRef keeps its target alive until the job that made it has ended.
    await new Promise((resolve) => setImmediate(resolve));
    collectStartupGarbage();
    expect(dropped.deref()).toBeUndefined();
  });

  it("leaves no gc() behind for other code", () => {
    collectStartupGarbage();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(new Function("return typeof gc")()).toBe("undefined");
  });
});
