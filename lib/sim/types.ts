// Internal records of the simulator. They hold more than Telnyx shows (status, channel limit, secrets):
// the wire shapes are built from them in the route files, never by spreading a record.

export type AccountStatus = "enabled" | "disabled" | "cancelled" | "blocked";
export type UserStatus = "enabled" | "disabled" | "blocked";
export type UserRecordType = "organization_owner" | "organization_sub_user";

export interface AccountRecord {
  id: string;
  email: string;
  emailLower: string;
  organizationName: string;
  organizationNameLower: string;
  apiKey: string;
  apiToken: string;
  allowCustomPricing: boolean;
  rollupBilling: boolean;
  createdAt: string;
  createdAtMs: number;
  updatedAt: string;
  status: AccountStatus;
  /** null = never allocated, so it does not count against the pool. */
  channelLimit: number | null;
  /** Money in integer cents to keep the decimal strings exact: the balance at `balanceAtMs` (sim clock). */
  balanceCents: number;
  balanceAtMs: number;
  /** Falls by this much a simulated day (lib/sim/spend.ts). */
  spendCentsPerDay: number;
  creditLimitCents: number;
  hasPassword: boolean;
}

export interface GroupRecord {
  id: string;
  name: string;
}

export interface UserRecord {
  id: string;
  email: string;
  emailLower: string;
  recordType: UserRecordType;
  userStatus: UserStatus;
  createdAt: string;
  createdAtMs: number;
  lastSignInAt: string | null;
  bypassesSso: boolean;
  groupIds: string[];
}

export interface Manager {
  id: string;
  email: string;
  allocatableChannels: number;
}

export interface SeedOptions {
  seed: number;
  accounts: number;
  users: number;
  /** Real clock at seed time, so "dormant" and "recent" stay meaningful. */
  now: number;
}

export interface SeededState {
  manager: Manager;
  accounts: AccountRecord[];
  users: UserRecord[];
  groups: GroupRecord[];
}
