// The delivery log's answer names where alerts go without the credential a webhook URL often is: Slack's
// and Discord's incoming webhooks carry their token in the path, others in the query or the userinfo.
import { describe, expect, it } from "vitest";
import { toDelivery } from "@/lib/balances/alert-dto";
import type { DeliveryListRow } from "@/lib/db/webhook-deliveries";

const row = (url: string): DeliveryListRow => ({
  id: "7b1c5a3e-0000-4000-8000-000000000001",
  eventId: "7b1c5a3e-0000-4000-8000-000000000002",
  eventType: "balance.low",
  url,
  status: "delivered",
  attempts: 1,
  lastStatusCode: 200,
  lastError: null,
  nextAttemptAt: null,
  deliveredAt: new Date("2026-12-01T12:00:00Z"),
  createdAt: new Date("2026-12-01T12:00:00Z"),
  attemptLog: [],
});

describe("a delivery's URL in the log", () => {
  it.each([
    ["https://hooks.slack.com/services/T0001/B0002/slacksecrettoken123", "slacksecrettoken123"],
    ["https://discord.com/api/webhooks/1234/discordsecrettoken", "discordsecrettoken"],
    ["https://alerts.example.test/hook?token=querysecret", "querysecret"],
    ["https://user:userinfosecret@alerts.example.test/hook", "userinfosecret"],
  ])("shows %s without its token", (url, token) => {
    const shown = toDelivery(row(url)).url;
    expect(shown).not.toContain(token);
    expect(shown).toContain(new URL(url).host);
  });

  it("shows a URL with no path as it is", () => {
    expect(toDelivery(row("https://alerts.example.test")).url).toBe("https://alerts.example.test/");
  });
});
