// Mode selection and the embedded start-up: the app starts its own simulator when no key is configured.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { readLiveSettings, readMaxRetries, readTimeoutMs, resolveTelnyxMode } from "@/lib/telnyx/config";
import { getChannelPool } from "@/lib/telnyx/managed-accounts";
import { checkUpstreamReachable, getUpstream, startUpstream, stopUpstream } from "@/lib/telnyx/upstream";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});
afterAll(async () => {
  await stopUpstream();
});

describe("config", () => {
  it("clamps the timeout and retries, and rejects nonsense", () => {
    expect(readTimeoutMs({})).toBe(8_000);
    expect(readTimeoutMs({ TELNYX_TIMEOUT_MS: "60000" })).toBe(10_000);
    expect(readMaxRetries({})).toBe(2);
    expect(readMaxRetries({ TELNYX_MAX_RETRIES: "9" })).toBe(3);
    expect(() => readTimeoutMs({ TELNYX_TIMEOUT_MS: "soon" })).toThrow(/whole number/);
  });

  it("is live only with a key, and refuses settings that would redirect the SDK", () => {
    expect(resolveTelnyxMode({})).toBe("embedded");
    expect(resolveTelnyxMode({ TELNYX_API_KEY: "KEY1" })).toBe("live");
    expect(readLiveSettings({ TELNYX_API_KEY: "KEY1" })).toMatchObject({
      baseURL: "https://api.telnyx.com/v2",
      timeoutMs: 8_000,
      maxRetries: 2,
    });
    expect(() => readLiveSettings({ TELNYX_API_KEY: "KEY1", TELNYX_CLIENT_ID: "c" })).toThrow(
      /TELNYX_CLIENT_ID/,
    );
    expect(() =>
      readLiveSettings({ TELNYX_API_KEY: "KEY1", TELNYX_BASE_URL: "http://proxy.example/v2" }),
    ).toThrow(/https/);
    expect(
      readLiveSettings({ TELNYX_API_KEY: "KEY1", TELNYX_BASE_URL: "http://127.0.0.1:4010/v2/" }).baseURL,
    ).toBe("http://127.0.0.1:4010/v2");
  });
});

describe("embedded upstream", () => {
  it("starts the simulator once, hides the key, and serves requests", async () => {
    delete process.env.TELNYX_API_KEY;
    Object.assign(process.env, {
      SIM_CONTROL: "1",
      SIM_SEED_ACCOUNTS: "12",
      SIM_SEED_USERS: "5",
      SIM_PORT: "0",
    });
    await stopUpstream();

    const [first, second] = await Promise.all([startUpstream(), startUpstream()]);
    expect(first).toEqual(second);
    expect(first.mode).toBe("embedded");
    expect(first.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(Object.keys(getUpstream()).sort()).toEqual(["baseURL", "mode"]);

    expect(await checkUpstreamReachable()).toMatchObject({ reachable: true, status: 200 });
    expect((await getChannelPool()).allocatable).toBeGreaterThan(0);
    const control = await fetch(`${first.baseURL.replace(/\/v2$/, "")}/__sim/requests`);
    expect(control.status).toBe(200);

    await stopUpstream();
    expect(() => getUpstream()).toThrow(/not started/);
    // The next call that needs Telnyx starts it again (a request may beat instrumentation.ts in dev).
    expect(await checkUpstreamReachable()).toMatchObject({ reachable: true });
  });
});
