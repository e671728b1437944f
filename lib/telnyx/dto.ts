import "server-only";
import type {
  ManagedAccount as RawManagedAccount,
  ManagedAccountGetAllocatableGlobalOutboundChannelsResponse as RawChannelsResponse,
  ManagedAccountListResponse as RawManagedAccountListItem,
  ManagedAccountUpdateGlobalChannelLimitResponse as RawChannelLimitResponse,
} from "telnyx/resources/managed-accounts/managed-accounts";
import type { OrganizationUser as RawOrgUser } from "telnyx/resources/organizations/users/users";
import type { ListMeta } from "@/lib/schemas/common";
import type {
  AccountStatus,
  ChannelLimit,
  ChannelPool,
  CreatedManagedAccount,
  ManagedAccount,
} from "@/lib/schemas/managed-accounts";
import type { OrgUser, UserStatus } from "@/lib/schemas/org-users";

// Every mapper picks fields by name and never spreads a raw object: `api_key` and `api_token` come back on
// retrieve, update, enable and disable, and must not reach the browser.

type RawBalance = RawManagedAccount["balance"];

function toBalance(raw: RawBalance): ManagedAccount["balance"] {
  if (!raw) return undefined;
  return {
    balance: raw.balance ?? null,
    creditLimit: raw.credit_limit ?? null,
    availableCredit: raw.available_credit ?? null,
    currency: raw.currency ?? null,
  };
}

export function toManagedAccount(
  raw: RawManagedAccountListItem | RawManagedAccount,
  status?: AccountStatus,
): ManagedAccount {
  const balance = "balance" in raw ? toBalance(raw.balance) : undefined;
  return {
    id: raw.id,
    email: raw.email,
    organizationName: raw.organization_name ?? "",
    apiUser: raw.api_user,
    managerAccountId: raw.manager_account_id,
    allowCustomPricing: raw.managed_account_allow_custom_pricing ?? false,
    rollupBilling: raw.rollup_billing ?? false,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    ...(balance ? { balance } : {}),
    ...(status ? { status } : {}),
  };
}

/** The one mapper allowed to pass a key on: the create answer shows it once. The v1 token never. */
export function toCreatedManagedAccount(raw: RawManagedAccount): CreatedManagedAccount {
  return { ...toManagedAccount(raw), apiKey: raw.api_key };
}

export function toChannelPool(raw: RawChannelsResponse["data"]): ChannelPool {
  const allocatable = raw?.allocatable_global_outbound_channels ?? 0;
  const allocated = raw?.total_global_channels_allocated ?? 0;
  return { allocatable, allocated, headroom: Math.max(0, allocatable - allocated) };
}

export function toChannelLimit(raw: RawChannelLimitResponse["data"], requested: ChannelLimit): ChannelLimit {
  return {
    accountId: raw?.id ?? requested.accountId,
    channelLimit: raw?.channel_limit ?? requested.channelLimit,
  };
}

const knownUserStatuses: readonly string[] = ["enabled", "disabled", "blocked"];

export function toOrgUser(raw: RawOrgUser): OrgUser {
  return {
    id: raw.id ?? "",
    email: raw.email ?? "",
    recordType: raw.record_type === "organization_owner" ? "organization_owner" : "organization_sub_user",
    // An unknown status is shown as the most cautious one rather than as "enabled".
    userStatus: knownUserStatuses.includes(raw.user_status ?? "")
      ? (raw.user_status as UserStatus)
      : "blocked",
    createdAt: raw.created_at ?? "",
    lastSignInAt: raw.last_sign_in_at ?? null,
    bypassesSso: raw.organization_user_bypasses_sso ?? false,
    ...(raw.groups ? { groups: raw.groups.map((group) => ({ id: group.id, name: group.name })) } : {}),
  };
}

interface RawMeta {
  page_number?: number;
  page_size?: number;
  total_pages?: number;
  total_results?: number;
}

export function toListMeta(raw: RawMeta | undefined, asked: { page: number; pageSize: number }): ListMeta {
  return {
    page: raw?.page_number ?? asked.page,
    pageSize: raw?.page_size ?? asked.pageSize,
    totalPages: raw?.total_pages ?? 0,
    totalResults: raw?.total_results ?? 0,
  };
}
