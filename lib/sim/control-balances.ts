import { badRequest, notFound } from "./errors";
import { parseBalanceCents } from "./spend";
import type { SimStore } from "./store";

// /__sim controls for spend: the simulated clock, and one account's balance set by hand.

const MAX_ADVANCE_MINUTES = 60 * 24 * 400;

export function clockState(store: SimStore) {
  return { now: new Date(store.now()).toISOString(), offsetMinutes: store.clockOffsetMs / 60_000 };
}

/** POST /__sim/clock { advanceMinutes }: moves the simulated clock forward (never back). */
export function advanceClock(store: SimStore, body: Record<string, unknown>) {
  const minutes = body.advanceMinutes;
  if (
    typeof minutes !== "number" ||
    !Number.isFinite(minutes) ||
    minutes < 0 ||
    minutes > MAX_ADVANCE_MINUTES
  ) {
    throw badRequest(`advanceMinutes must be a number between 0 and ${MAX_ADVANCE_MINUTES}.`, {
      pointer: "/advanceMinutes",
    });
  }
  store.clockOffsetMs += Math.round(minutes * 60_000);
  return clockState(store);
}

/** POST /__sim/accounts/{id}/balance { balance }: the balance from now on, spending on from there. */
export function setAccountBalance(store: SimStore, id: string, body: Record<string, unknown>) {
  const account = store.getAccount(id);
  if (!account) throw notFound();
  const cents = parseBalanceCents(body.balance);
  if (cents === undefined) {
    throw badRequest('balance must be a decimal amount with at most two decimals, such as "12.50".', {
      pointer: "/balance",
    });
  }
  store.changeAccount(account, { balanceCents: cents, balanceAtMs: store.now() });
  return { id: account.id, balanceCents: cents, at: new Date(account.balanceAtMs).toISOString() };
}
