// Enable, disable and channel limit: the Telnyx call, then what the console remembers about it.
import "server-only";
import { AppError } from "@/lib/api/errors";
import type { StaffSession } from "@/lib/auth/session";
import { getAccountMemory, rememberChannelLimit, rememberToggle } from "@/lib/db/account-memory";
import { log } from "@/lib/log";
import type { ChannelLimit, ManagedAccount } from "@/lib/schemas/managed-accounts";
import {
  disableManagedAccount,
  enableManagedAccount,
  forgetAccountStatuses,
  getChannelPool,
  updateGlobalChannelLimit,
} from "@/lib/telnyx/managed-accounts";

/**
 * Telnyx has already made the change when this runs: a failure to remember it must not turn the answer into
 * an error (the person would retry a change that happened). It is logged; the audit row still has it.
 */
async function rememberSafely(what: string, accountId: string, remember: () => Promise<void>) {
  await remember().catch((error: unknown) =>
    log.warn("account_memory.write_failed", { what, accountId, error: String(error) }),
  );
}

export async function disableAccount(id: string, staff: StaffSession): Promise<ManagedAccount> {
  const account = await disableManagedAccount(id);
  // The next list or detail must read the new status, not a cached status set.
  forgetAccountStatuses();
  await rememberSafely("toggle", id, () => rememberToggle(id, "disabled", { email: staff.email }));
  return account;
}

export async function enableAccount(
  id: string,
  staff: StaffSession,
  options: { reenableAllConnections?: boolean },
): Promise<ManagedAccount> {
  const account = await enableManagedAccount(id, options);
  forgetAccountStatuses();
  await rememberSafely("toggle", id, () => rememberToggle(id, "enabled", { email: staff.email }));
  return account;
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
): Promise<ChannelLimit> {
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
  const result = await updateGlobalChannelLimit(id, channelLimit);
  await rememberSafely("channel_limit", id, () =>
    rememberChannelLimit(id, result.channelLimit, { email: staff.email }),
  );
  return result;
}
