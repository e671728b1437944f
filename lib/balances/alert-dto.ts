// Alert, threshold and delivery rows as the API answers them.
import "server-only";
import type { BalanceAlertRow } from "@/lib/db/balance-alerts";
import type { DeliveryListRow } from "@/lib/db/webhook-deliveries";
import type { Alert, AlertThreshold, Delivery } from "@/lib/schemas/alerts";
import { recoveryLine } from "./alert-state";
import { normaliseDecimal } from "./decimal";
import { defaultThreshold } from "./thresholds";

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const money = (value: string | null) => (value === null ? null : (normaliseDecimal(value) ?? value));

export function toAlert(row: BalanceAlertRow): Alert {
  return {
    id: row.id,
    type: row.type,
    accountId: row.accountId,
    accountEmail: row.accountEmail,
    accountName: row.accountName,
    amount: money(row.amount),
    currency: row.currency,
    threshold: money(row.threshold) ?? row.threshold,
    createdAt: row.createdAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
  };
}

export function toAlertThreshold(
  accountId: string,
  override: { threshold: string; updatedAt: Date } | null,
): AlertThreshold {
  const fallback = defaultThreshold();
  const threshold = override ? (normaliseDecimal(override.threshold) ?? fallback) : fallback;
  return {
    accountId,
    threshold,
    isDefault: !override,
    defaultThreshold: fallback,
    recoveryLine: recoveryLine(threshold),
    updatedAt: iso(override?.updatedAt ?? null),
  };
}

/**
 * Scheme and host only, "/…" standing for the rest: a webhook URL is often its own credential, in the query,
 * the userinfo or the path (Slack's and Discord's incoming webhooks end in their token).
 */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const hasMore = parsed.pathname !== "/" || parsed.search !== "";
    return `${parsed.protocol}//${parsed.host}/${hasMore ? "…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}

export function toDelivery(row: DeliveryListRow): Delivery {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    url: shownUrl(row.url),
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
    attemptLog: row.attemptLog.map((attempt) => ({
      attemptedAt: attempt.attemptedAt.toISOString(),
      statusCode: attempt.statusCode,
      error: attempt.error,
      durationMs: attempt.durationMs,
    })),
  };
}
