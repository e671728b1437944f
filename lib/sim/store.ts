import { MANAGER_EMAIL, seedState } from "./seed";
import type { AccountRecord, GroupRecord, Manager, SeedOptions, UserRecord } from "./types";

export type AccountSort = "created_at" | "-created_at" | "email" | "-email";

export interface AccountFilter {
  emailContains?: string;
  emailEq?: string;
  organizationNameContains?: string;
  organizationNameEq?: string;
  status?: "all" | "active" | "enabled" | "cancelled" | "disabled" | "blocked";
  includeCancelled: boolean;
}

export interface UserFilter {
  emailContains?: string;
  userStatus?: "enabled" | "disabled" | "blocked";
}

const compareCreated = (a: AccountRecord, b: AccountRecord): number =>
  a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const compareEmail = (a: AccountRecord, b: AccountRecord): number =>
  a.emailLower < b.emailLower ? -1 : a.emailLower > b.emailLower ? 1 : compareCreated(a, b);

/** In-memory state. Sorted views are cached and dropped on any change, so a list is filter + slice. */
export class SimStore {
  manager!: Manager;
  groups: GroupRecord[] = [];
  private accounts = new Map<string, AccountRecord>();
  private users = new Map<string, UserRecord>();
  private groupsById = new Map<string, GroupRecord>();
  private sortedAccounts = new Map<AccountSort, AccountRecord[]>();
  private sortedUsers: UserRecord[] | null = null;
  private allocated = 0;
  /** How far the simulated clock runs ahead of real time (POST /__sim/clock); reset with the seed. */
  clockOffsetMs = 0;

  constructor(options: SeedOptions) {
    this.reset(options);
  }

  reset(options: SeedOptions): void {
    const state = seedState(options);
    this.manager = state.manager;
    this.groups = state.groups;
    this.groupsById = new Map(state.groups.map((group) => [group.id, group]));
    this.accounts = new Map(state.accounts.map((account) => [account.id, account]));
    this.users = new Map(state.users.map((user) => [user.id, user]));
    this.allocated = state.accounts.reduce((sum, account) => sum + (account.channelLimit ?? 0), 0);
    this.clockOffsetMs = 0;
    this.invalidate();
  }

  /** The simulated clock: balances spend on it. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  get managerEmail(): string {
    return MANAGER_EMAIL;
  }

  get accountCount(): number {
    return this.accounts.size;
  }

  get userCount(): number {
    return this.users.size;
  }

  get allocatedChannels(): number {
    return this.allocated;
  }

  private invalidate(): void {
    this.sortedAccounts.clear();
    this.sortedUsers = null;
  }

  getAccount(id: string): AccountRecord | undefined {
    return this.accounts.get(id);
  }

  allAccounts(): IterableIterator<AccountRecord> {
    return this.accounts.values();
  }

  hasAccountEmail(emailLower: string): boolean {
    for (const account of this.accounts.values()) if (account.emailLower === emailLower) return true;
    return false;
  }

  addAccount(account: AccountRecord): void {
    this.accounts.set(account.id, account);
    this.allocated += account.channelLimit ?? 0;
    this.invalidate();
  }

  /** Applies a change to one account; the caller has checked it exists. */
  changeAccount(account: AccountRecord, change: Partial<AccountRecord>): AccountRecord {
    this.allocated += (change.channelLimit ?? account.channelLimit ?? 0) - (account.channelLimit ?? 0);
    Object.assign(account, change);
    this.invalidate();
    return account;
  }

  listAccounts(filter: AccountFilter, sort: AccountSort): AccountRecord[] {
    return this.accountsSortedBy(sort).filter((account) => matchesAccount(account, filter));
  }

  private accountsSortedBy(sort: AccountSort): AccountRecord[] {
    const cached = this.sortedAccounts.get(sort);
    if (cached) return cached;
    const byField = sort.endsWith("email") ? compareEmail : compareCreated;
    const sorted = [...this.accounts.values()].sort(sort.startsWith("-") ? (a, b) => byField(b, a) : byField);
    this.sortedAccounts.set(sort, sorted);
    return sorted;
  }

  getUser(id: string): UserRecord | undefined {
    return this.users.get(id);
  }

  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
    this.invalidate();
  }

  /** The group with this name, created (with an id from `makeId`) when there is none yet. */
  ensureGroup(name: string, makeId: () => string): GroupRecord {
    const existing = this.groups.find((group) => group.name === name);
    if (existing) return existing;
    const group = { id: makeId(), name };
    this.groups = [...this.groups, group];
    this.groupsById.set(group.id, group);
    return group;
  }

  removeUser(id: string): void {
    this.users.delete(id);
    this.invalidate();
  }

  /** Users in a stable order: oldest first, so the owner leads. */
  orderedUsers(): UserRecord[] {
    this.sortedUsers ??= [...this.users.values()].sort(
      (a, b) => a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : 1),
    );
    return this.sortedUsers;
  }

  listUsers(filter: UserFilter): UserRecord[] {
    const needle = filter.emailContains?.toLowerCase();
    return this.orderedUsers().filter(
      (user) =>
        (needle === undefined || user.emailLower.includes(needle)) &&
        (filter.userStatus === undefined || user.userStatus === filter.userStatus),
    );
  }

  groupsOf(user: UserRecord): GroupRecord[] {
    return user.groupIds.flatMap((id) => this.groupsById.get(id) ?? []);
  }
}

function matchesAccount(account: AccountRecord, filter: AccountFilter): boolean {
  if (filter.emailEq !== undefined && account.email !== filter.emailEq) return false;
  if (
    filter.emailContains !== undefined &&
    !account.emailLower.includes(filter.emailContains.toLowerCase())
  ) {
    return false;
  }
  if (filter.organizationNameEq !== undefined && account.organizationName !== filter.organizationNameEq)
    return false;
  if (
    filter.organizationNameContains !== undefined &&
    !account.organizationNameLower.includes(filter.organizationNameContains.toLowerCase())
  ) {
    return false;
  }
  // Cancelled accounts stay hidden unless asked for, either by the flag or by filtering on them.
  if (account.status === "cancelled" && !filter.includeCancelled && filter.status !== "cancelled")
    return false;
  switch (filter.status) {
    case undefined:
    case "all":
      return true;
    case "active":
      return account.status === "enabled";
    default:
      return account.status === filter.status;
  }
}
