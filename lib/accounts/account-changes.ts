// Enable, disable, custom pricing and channel limit: the Telnyx call, read back when its answer is lost
// (reconcile.ts), then what the console remembers about it.
import "server-only";
import { AppError } from "@/lib/api/errors";
import type { StaffSession } from "@/lib/auth/session";
import { getAccountMemory, rememberChannelLimit, rememberToggle } from "@/lib/db/account-memory";
import { log } from "@/lib/log";
import type { ChannelLimit, ManagedAccount } from "@/lib/schemas/managed-accounts";
import {
  disableManagedAccount,
  enableManagedAccount,
  getChannelPool,
  updateGlobalChannelLimit,
  updateManagedAccountPricing,
} from "@/lib/telnyx/managed-accounts";
import { readManagedAccountNow } from "@/lib/telnyx/managed-account-read-back";
import { applyReconciled, type Reconciled } from "./reconcile";

/**
 * Telnyx has already made the change when this runs: a failure to remember it must not turn the answer into
 * an error (the person would retry a change that happened). It is logged; the audit row still has it.
 */
async function rememberSafely(what: string, accountId: string, remember: () => Promise<void>) {
  await remember().catch((error: unknown) =>
    log.warn("account_memory.write_failed", { what, accountId, error: String(error) }),
  );
}

async function toggleAccount(
  id: string,
  state: "enabled" | "disabled",
  staff: StaffSession,
  apply: () => Promise<ManagedAccount>,
): Promise<Reconciled<ManagedAccount>> {
  // The cached status sets follow each Telnyx answer (withStatusChange in lib/telnyx/managed-accounts.ts);
  // a read-back drops them before it reads, so a change it confirms needs no note here.
  return applyReconciled({
    action: state === "disabled" ? "account.disable" : "account.enable",
    apply,
    readBack: async () => {
      const account = await readManagedAccountNow(id);
      return account.status === state ? account : null;
    },
    isResendable: true,
    appliedText: `the account is ${state}`,
    notAppliedText: `the account is not ${state}`,
    onApplied: async () => {
      await rememberSafely("toggle", id, () => rememberToggle(id, state, { email: staff.email }));
    },
  });
}

export function disableAccount(id: string, staff: StaffSession): Promise<Reconciled<ManagedAccount>> {
  return toggleAccount(id, "disabled", staff, () => disableManagedAccount(id));
}

export function enableAccount(
  id: string,
  staff: StaffSession,
  options: { reenableAllConnections?: boolean },
): Promise<Reconciled<ManagedAccount>> {
  return toggleAccount(id, "enabled", staff, () => enableManagedAccount(id, options));
}

export function setCustomPricing(
  id: string,
  allowCustomPricing: boolean,
): Promise<Reconciled<ManagedAccount>> {
  const wanted = allowCustomPricing ? "allowed" : "not allowed";
  return applyReconciled({
    action: "account.pricing.update",
    apply: () => updateManagedAccountPricing(id, allowCustomPricing),
    readBack: async () => {
      const account = await readManagedAccountNow(id);
      return account.allowCustomPricing === allowCustomPricing ? account : null;
    },
    isResendable: true,
    appliedText: `custom pricing is ${wanted}`,
    notAppliedText: `custom pricing is not ${wanted}`,
  });
}

/**
 * Refuses an over-allocation before Telnyx is asked to change anything: the extra channels this limit needs
 * (beyond what we remember the account holding; 0 when we never set it) must fit in the pool's headroom.
 * This is a courtesy check, not the authority: the account may hold channels set elsewhere, or another
 * instance may have just allocated some. Telnyx has the last word, and its 422 comes back mapped onto
 * `channelLimit` like ours.
 */
export async function setChannelLimit(
  id: string,
  channelLimit: number,
  staff: StaffSession,
): Promise<Reconciled<ChannelLimit>> {
  const memory = await getAccountMemory(id);
  const extra = channelLimit - (memory?.channelLimit ?? 0);
  // Lowering a limit (0 included) always fits; only growth needs the pool read.
  if (extra > 0) {
    const pool = await getChannelPool();
    if (extra > pool.headroom) {
      throw new AppError("validation_failed", "The channel pool does not have room for this limit.", {
        fields: {
          channelLimit: `This needs ${extra} more channels, and the pool has ${pool.headroom} left.`,
        },
      });
    }
  }
  return applyReconciled({
    action: "account.channel_limit.update",
    apply: () => updateGlobalChannelLimit(id, channelLimit),
    // Telnyx has no read of one account's limit: only sending the same limit again (isResendable) can tell.
    readBack: () => {
      throw new Error("Telnyx has no read of one account's channel limit.");
    },
    isResendable: true,
    appliedText: `the limit is ${channelLimit}`,
    notAppliedText: `the limit is not ${channelLimit}`,
    onApplied: (result) =>
      rememberSafely("channel_limit", id, () =>
        rememberChannelLimit(id, result.channelLimit, { email: staff.email }),
      ),
  });
}
