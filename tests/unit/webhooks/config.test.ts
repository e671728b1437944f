import { describe, expect, it } from "vitest";
import { defaultThreshold } from "@/lib/balances/thresholds";
import { retryDelayMs } from "@/lib/webhooks/deliver";
import { readWebhookConfig, webhookTiming } from "@/lib/webhooks/config";

// Settings as process.env would hold them (its type requires NODE_ENV, which is not read here).
const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;
const secret = "s".repeat(20);

describe("alert settings read at start-up", () => {
  it("has no webhook without a URL, and refuses a URL without a long enough secret", () => {
    expect(readWebhookConfig(env({}))).toBeNull();
    expect(() =>
      readWebhookConfig(env({ SUBDESK_ALERT_WEBHOOK_URL: "https://hooks.example.test/x" })),
    ).toThrow(/SUBDESK_ALERT_WEBHOOK_SECRET must be set/);
    expect(() =>
      readWebhookConfig(
        env({ SUBDESK_ALERT_WEBHOOK_URL: "ftp://x.test", SUBDESK_ALERT_WEBHOOK_SECRET: secret }),
      ),
    ).toThrow(/http\(s\)/);
    expect(
      readWebhookConfig(
        env({
          SUBDESK_ALERT_WEBHOOK_URL: "https://hooks.example.test/x",
          SUBDESK_ALERT_WEBHOOK_SECRET: secret,
        }),
      ),
    ).toEqual({ url: "https://hooks.example.test/x", secret });
  });

  it("defaults the threshold to 50.00 and refuses one that is not an amount", () => {
    expect(defaultThreshold(env({}))).toBe("50.00");
    expect(defaultThreshold(env({ SUBDESK_LOW_BALANCE_THRESHOLD: "25" }))).toBe("25.00");
    expect(() => defaultThreshold(env({ SUBDESK_LOW_BALANCE_THRESHOLD: "lots" }))).toThrow(/decimal amount/);
  });
});

describe("webhook timing settings", () => {
  it("stops start-up on a time limit or retry base that is not a positive number of milliseconds", () => {
    for (const name of ["SUBDESK_WEBHOOK_TIMEOUT_MS", "SUBDESK_WEBHOOK_RETRY_BASE_MS"]) {
      for (const value of ["abc", "0", "-5", "1.5"]) {
        expect(() => readWebhookConfig(env({ [name]: value }))).toThrow(new RegExp(name));
      }
    }
    expect(webhookTiming(env({}))).toEqual({ timeoutMs: 10_000, retryBaseMs: 30_000 });
    expect(webhookTiming(env({ SUBDESK_WEBHOOK_TIMEOUT_MS: " 2500 " })).timeoutMs).toBe(2500);
  });
});

describe("webhook retry schedule", () => {
  it("waits 30 s, doubling to at most an hour, with up to 10% jitter", () => {
    expect([1, 2, 3, 8, 20].map((attempt) => retryDelayMs(attempt, 0))).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(1, 1)).toBe(33_000);
  });
});
