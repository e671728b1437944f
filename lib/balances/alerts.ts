import "server-only";

/**
 * Called by the balance refresh once a refresh has finished, with its id.
 * TODO(12b): compare each account's latest snapshot with its threshold, move alert states with hysteresis,
 * write balance_alerts and queue their webhook deliveries.
 */
export async function evaluateBalanceAlerts(refreshId: string): Promise<void> {
  void refreshId;
}
