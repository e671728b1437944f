import "server-only";
import { isAppError } from "@/lib/api/errors";
import type { ListResult } from "@/lib/schemas/common";
import type {
  AccountStatus,
  ChannelLimit,
  ChannelPool,
  CreatedManagedAccount,
  CreateManagedAccountBody,
  ManagedAccount,
  ManagedAccountListMeta,
  ManagedAccountListQuery,
} from "@/lib/schemas/managed-accounts";
import { toStatusCounts } from "@/lib/accounts/status-counts";
import { log } from "@/lib/log";
import {
  deriveStatuses,
  forgetAccountStatuses,
  loadStatusSets,
  noteAccountStatus,
  statusesFrom,
} from "./account-status";
import { callTelnyx } from "./client";
import { incompleteAnswer } from "./errors";
import { toChannelLimit, toChannelPool, toCreatedManagedAccount, toListMeta, toManagedAccount } from "./dto";
import { toTelnyxListParams } from "./list-params";

// Reads, and updates that set a value (doing them twice is the same as once), may be retried.
const repeatable = (operation: string) => ({ operation, isRetryable: true });

/** One page of accounts, each with its status (see account-status.ts for how it is derived). */
export async function listManagedAccounts(
  query: ManagedAccountListQuery,
): Promise<ListResult<ManagedAccount> & { meta: ManagedAccountListMeta }> {
  // The cancelled set is asked for even when cancelled accounts are hidden: it is small, and it gives the
  // Cancelled tab its count (see toStatusCounts).
  const statusSets =
    query.status === "all"
      ? loadStatusSets({ ...query, includeCancelled: true }).catch((error: unknown) => {
          // The list is still worth showing without the status column.
          log.warn("telnyx.status_unavailable", { error: String(error) });
          return undefined;
        })
      : undefined;
  const page = await callTelnyx(repeatable("ListManagedAccounts"), (client, options) =>
    client.managedAccounts.list(toTelnyxListParams(query), options),
  );
  const sets = await statusSets;
  const statuses = sets
    ? statusesFrom(
        sets,
        page.data.map((item) => item.id),
      )
    : undefined;
  const fixed: AccountStatus | undefined = query.status === "all" ? undefined : query.status;
  const meta = toListMeta(page.meta, query);
  return {
    data: page.data.map((item) => toManagedAccount(item, fixed ?? statuses?.get(item.id))),
    // The All tab's answer carries every tab's count; the other tabs ask for it (pageSize=1) when shown.
    meta:
      query.status === "all"
        ? { ...meta, statusCounts: toStatusCounts(meta.totalResults, sets, query.includeCancelled) }
        : meta,
  };
}

/** Never retried: Telnyx takes no idempotency key, and a repeat after a lost answer is a second account. */
export async function createManagedAccount(body: CreateManagedAccountBody): Promise<CreatedManagedAccount> {
  const answer = await callTelnyx(
    { operation: "CreateManagedAccount", isRetryable: false },
    (client, options) =>
      client.managedAccounts.create(
        {
          business_name: body.businessName,
          ...(body.email !== undefined ? { email: body.email } : {}),
          ...(body.password !== undefined ? { password: body.password } : {}),
          ...(body.allowCustomPricing !== undefined
            ? { managed_account_allow_custom_pricing: body.allowCustomPricing }
            : {}),
          ...(body.rollupBilling !== undefined ? { rollup_billing: body.rollupBilling } : {}),
        },
        { ...options, maxRetries: 0 },
      ),
  );
  if (!answer.data) throw incompleteAnswer("CreateManagedAccount");
  return toCreatedManagedAccount(answer.data);
}

export async function getChannelPool(): Promise<ChannelPool> {
  const answer = await callTelnyx(repeatable("ListAllocatableGlobalOutboundChannels"), (client, options) =>
    client.managedAccounts.getAllocatableGlobalOutboundChannels(options),
  );
  return toChannelPool(answer.data);
}

function requireAccount<T>(data: T | undefined, operation: string): T {
  if (!data) throw incompleteAnswer(operation);
  return data;
}

/** One account with its balance; its status costs one more small query by its exact email. */
export async function getManagedAccount(id: string): Promise<ManagedAccount> {
  const answer = await callTelnyx(repeatable("RetrieveManagedAccount"), (client, options) =>
    client.managedAccounts.retrieve(id, options),
  );
  const raw = requireAccount(answer.data, "RetrieveManagedAccount");
  const statuses = await deriveStatuses([raw.id], {
    email: raw.email,
    emailMatch: "eq",
    orgMatch: "contains",
    includeCancelled: true,
  }).catch(() => undefined);
  return toManagedAccount(raw, statuses?.get(raw.id));
}

export async function updateManagedAccountPricing(
  id: string,
  allowCustomPricing: boolean,
): Promise<ManagedAccount> {
  const answer = await callTelnyx(repeatable("UpdateManagedAccount"), (client, options) =>
    client.managedAccounts.update(id, { managed_account_allow_custom_pricing: allowCustomPricing }, options),
  );
  return toManagedAccount(requireAccount(answer.data, "UpdateManagedAccount"));
}

/**
 * Runs an enable or disable and keeps the cached status sets true: corrected for this account when Telnyx
 * answers, dropped when its answer was lost (the change may or may not have happened), and kept when Telnyx
 * refused (nothing changed: a bulk disable meets a refusal for every blocked or cancelled account, and
 * dropping the sets each time made every list read in between fetch them again).
 */
async function withStatusChange<T>(id: string, status: "enabled" | "disabled", call: () => Promise<T>) {
  let answer: T;
  try {
    answer = await call();
  } catch (error) {
    if (!isAppError(error) || error.ambiguity) forgetAccountStatuses();
    throw error;
  }
  noteAccountStatus(id, status);
  return answer;
}

export async function disableManagedAccount(id: string): Promise<ManagedAccount> {
  const answer = await withStatusChange(id, "disabled", () =>
    callTelnyx(repeatable("DisableManagedAccount"), (client, options) =>
      client.managedAccounts.actions.disable(id, options),
    ),
  );
  return toManagedAccount(requireAccount(answer.data, "DisableManagedAccount"), "disabled");
}

export async function enableManagedAccount(
  id: string,
  { reenableAllConnections }: { reenableAllConnections?: boolean } = {},
): Promise<ManagedAccount> {
  const answer = await withStatusChange(id, "enabled", () =>
    callTelnyx(repeatable("EnableManagedAccount"), (client, options) =>
      client.managedAccounts.actions.enable(
        id,
        reenableAllConnections !== undefined ? { reenable_all_connections: reenableAllConnections } : {},
        options,
      ),
    ),
  );
  return toManagedAccount(requireAccount(answer.data, "EnableManagedAccount"), "enabled");
}

/** The answer is the only place Telnyx ever shows an account's limit: the caller should remember it. */
export async function updateGlobalChannelLimit(id: string, channelLimit: number): Promise<ChannelLimit> {
  const answer = await callTelnyx(repeatable("UpdateManagedAccountGlobalChannelLimit"), (client, options) =>
    client.managedAccounts.updateGlobalChannelLimit(id, { channel_limit: channelLimit }, options),
  );
  return toChannelLimit(answer.data, { accountId: id, channelLimit });
}

export { deriveStatuses, forgetAccountStatuses, forgetStatusSetsFor } from "./account-status";
