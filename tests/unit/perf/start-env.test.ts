import { describe, expect, it } from "vitest";
import { startScriptEnv } from "@/scripts/lib/start-env.mjs";
import { testServerEnv } from "@/scripts/lib/test-server.mjs";

// The console's allocator settings live in package.json's "start" script, so `npm start` on a fresh clone
// has them with no configuration; the servers of the tests and of npm run bench must run with the same.
describe("the start script's environment", () => {
  it("is read from package.json's start script", () => {
    const env = startScriptEnv();
    expect(env.NEXT_MANUAL_SIG_HANDLE).toBe("true");
    expect(env.MALLOC_ARENA_MAX).toBe("2");
  });

  it("is what a test server runs with", () => {
    expect(testServerEnv({ dataDir: "/tmp/unused" })).toMatchObject(startScriptEnv());
  });
});
