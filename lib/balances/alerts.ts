import "server-only";
import {
  accountNameOf,
  applyReading,
  listAlertStates,
  listThresholdOverrides,
  readingsOfRefresh,
  type BalanceAlertRow,
} from "@/lib/db/balance-alerts";
import { log } from "@/lib/log";
import { readWebhookConfig } from "@/lib/webhooks/config";
import { serializeAlertEvent } from "@/lib/webhooks/alert-event";
import { announceDelivery } from "@/lib/webhooks/queue";
import { nextAlertState } from "./alert-state";
import { defaultThreshold, thresholdFor } from "./thresholds";

/**
 * Called by the balance refresh once a refresh has finished, with its id: compares each account's reading
 * with its threshold and raises balance.low / balance.recovered with hysteresis (lib/balances/alert-state.ts).
 * States are read first in one query; only accounts whose state would change open a transaction, which
 * re-reads the state under a row lock (another instance may have evaluated the same readings).
 */
export async function evaluateBalanceAlerts(refreshId: string): Promise<BalanceAlertRow[]> {
  const [readings, states, overrides] = await Promise.all([
    readingsOfRefresh(refreshId),
    listAlertStates(),
    listThresholdOverrides(),
  ]);
  const fallback = defaultThreshold();
  const webhook = readWebhookConfig();
  const raised: BalanceAlertRow[] = [];
  for (const reading of readings) {
    const threshold = thresholdFor(reading.accountId, overrides, fallback);
    const decide = (previous: ReturnType<typeof states.get> | null) =>
      nextAlertState({ previous: previous ?? null, amount: reading.amount, threshold });
    const stored = states.get(reading.accountId) ?? null;
    const expected = decide(stored);
    if (stored === expected.next && !expected.event) continue;
    const account = expected.event
      ? await accountNameOf(reading.accountId)
      : { email: null, organizationName: null };
    const applied = await applyReading(
      { ...reading, threshold, account },
      decide,
      webhook
        ? (alert) => ({
            url: webhook.url,
            body: serializeAlertEvent({
              id: alert.id,
              type: alert.type,
              at: alert.createdAt,
              account: { id: alert.accountId, ...account },
              balance: { amount: reading.amount, currency: reading.currency },
              threshold,
            }),
          })
        : null,
    );
    if (!applied) continue;
    raised.push(applied.alert);
    if (applied.deliveryId) await announceDelivery(applied.deliveryId);
  }
  if (raised.length > 0) log.info("balance alerts raised", { refresh: refreshId, count: raised.length });
  return raised;
}
