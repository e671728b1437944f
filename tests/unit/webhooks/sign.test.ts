import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { serializeAlertEvent } from "@/lib/webhooks/alert-event";
import { signWebhook, verifyWebhook } from "@/lib/webhooks/sign";

const secret = "whsec-test-0123456789";
const body = '{"id":"a","type":"balance.low"}';
const now = Date.parse("2026-12-01T12:00:00Z");

describe("webhook signatures", () => {
  it("signs t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>'>", () => {
    const header = signWebhook(secret, body, now);
    const t = Math.floor(now / 1000);
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies its own signature and refuses a changed body, another secret, a stale time", () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhook(secret, body, header, { now })).toEqual({ isValid: true });
    expect(verifyWebhook(secret, body.replace("low", "lox"), header, { now })).toMatchObject({
      reason: "signature mismatch",
    });
    expect(verifyWebhook("other-secret", body, header, { now })).toMatchObject({ isValid: false });
    expect(verifyWebhook(secret, body, header, { now: now + 301_000 })).toMatchObject({
      reason: "timestamp outside the tolerance",
    });
  });

  it("refuses a missing or malformed header without throwing", () => {
    expect(verifyWebhook(secret, body, undefined)).toMatchObject({ isValid: false });
    expect(verifyWebhook(secret, body, "t=abc,v1=zz", { now })).toMatchObject({
      reason: "malformed signature header",
    });
    expect(verifyWebhook(secret, body, `t=${now / 1000},v1=${"0".repeat(63)}`, { now })).toMatchObject({
      reason: "malformed signature header",
    });
  });
});

describe("the alert event body", () => {
  it("carries the issue's fields and a Slack-safe text line", () => {
    const raw = serializeAlertEvent({
      id: "5b0f7c62-7f3e-4c5e-9a51-2d1f0c9b8a11",
      type: "balance.low",
      at: new Date(now),
      account: { id: "acc-1", email: "ops@example.test", organizationName: "Acme <Labs> & Co" },
      balance: { amount: "12.50", currency: "USD" },
      threshold: "50.00",
    });
    const event = JSON.parse(raw);
    expect(Object.keys(event)).toEqual(["id", "type", "at", "account", "balance", "threshold", "text"]);
    expect(event.at).toBe("2026-12-01T12:00:00.000Z");
    expect(event.text).toBe(
      ":warning: Low balance: Acme &lt;Labs&gt; &amp; Co has 12.50 USD, below its threshold of 50.00 USD.",
    );
  });
});
