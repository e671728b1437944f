import { describe, expect, it } from "vitest";
import { nextStartCommand, startScriptEnv, startScriptNodeFlags } from "@/scripts/lib/start-env.mjs";
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

describe("the start script's node flags", () => {
  it("give the young generation its floor and its ceiling (V8 takes them only at start)", () => {
    expect(startScriptNodeFlags()).toEqual(
      expect.arrayContaining(["--min-semi-space-size=16", "--max-semi-space-size=16"]),
    );
  });

  it("keep WebAssembly (PGlite) on V8's baseline compiler from the start, on every Node version", () => {
    expect(startScriptNodeFlags()).toContain("--liftoff-only");
  });

  it("come before Next's script in the command test and bench servers run", () => {
    const { command, args } = nextStartCommand(3999);
    expect(command).toBe(process.execPath);
    const script = args.findIndex((arg) => arg.endsWith("next/dist/bin/next"));
    expect(args.slice(0, script)).toEqual(startScriptNodeFlags());
    expect(args.slice(script + 1)).toEqual(["start", "-H", "127.0.0.1", "-p", "3999"]);
  });
});
