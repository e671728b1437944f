import { createRandom, type Random } from "./prng";
import { seededApiKey, seededApiToken } from "./secrets";
import { seedSpendRates } from "./spend";
import {
  accountLocalParts,
  firstNames,
  groupNames,
  lastNames,
  nameNouns,
  namePrefixes,
  nameSuffixes,
} from "./seed-words";
import type {
  AccountRecord,
  AccountStatus,
  GroupRecord,
  SeedOptions,
  SeededState,
  UserRecord,
  UserStatus,
} from "./types";

const DAY_MS = 86_400_000;
export const POOL_SIZE = 500;
/** Seeded allocations stop here so there is always room left in the pool to test with. */
const SEEDED_ALLOCATION_CAP = 300;
export const MANAGER_EMAIL = "owner@northstar-voice.example.com";
export const ORGANIZATION_DOMAIN = "northstar-voice.example.com";

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/gi, "l")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function seedState(options: SeedOptions): SeededState {
  const random = createRandom(options.seed);
  const manager = { id: random.uuid(), email: MANAGER_EMAIL, allocatableChannels: POOL_SIZE };
  const accounts = seedAccounts(random, options);
  seedSpendRates(accounts, options.seed, options.now);
  const groups: GroupRecord[] = groupNames.map((name) => ({ id: random.uuid(), name }));
  const users = seedUsers(random, options, groups);
  return { manager, accounts, users, groups };
}

// The first indices force one of each interesting case, so even a tiny seed has them.
function accountStatusFor(index: number, random: Random): AccountStatus {
  const forced: Partial<Record<number, AccountStatus>> = { 1: "disabled", 2: "cancelled", 3: "blocked" };
  const fixed = forced[index];
  if (fixed) return fixed;
  const roll = random.next();
  if (roll < 0.1) return "disabled";
  if (roll < 0.15) return "cancelled";
  if (roll < 0.17) return "blocked";
  return "enabled";
}

interface AddressBook {
  taken: Set<string>;
  /** Next number to try per base address, so 50,000 users with 676 name pairs stay linear. */
  nextSuffix: Map<string, number>;
}

function uniqueAddress(local: string, domain: string, book: AddressBook): string {
  const base = `${local}@${domain}`;
  let suffix = book.nextSuffix.get(base) ?? 1;
  let address = suffix === 1 ? base : `${local}${suffix}@${domain}`;
  while (book.taken.has(address)) {
    suffix += 1;
    address = `${local}${suffix}@${domain}`;
  }
  book.nextSuffix.set(base, suffix + 1);
  book.taken.add(address);
  return address;
}

function seedAccounts(random: Random, options: SeedOptions): AccountRecord[] {
  const accounts: AccountRecord[] = [];
  const emails: AddressBook = { taken: new Set(), nextSuffix: new Map() };
  let allocated = 0;
  for (let index = 0; index < options.accounts; index += 1) {
    const prefix = random.pick(namePrefixes);
    const noun = random.pick(nameNouns);
    const suffix = random.pick(nameSuffixes);
    const organizationName = [prefix, noun, suffix].filter(Boolean).join(" ");
    const domain = `${slugify(`${prefix} ${noun}`)}.example.com`;
    const email = uniqueAddress(random.pick(accountLocalParts), domain, emails);
    // Spread over ~3 years; the most recent one is a few hours old.
    const ageMs = Math.floor(random.next() * 3 * 365 * DAY_MS) + 3_600_000;
    const createdAtMs = options.now - ageMs;
    const updatedAtMs = createdAtMs + Math.floor(random.next() * (ageMs - 60_000));
    const status = accountStatusFor(index, random);
    const rollupBilling = index === 5 || random.chance(0.15);
    const allowCustomPricing = index === 4 || random.chance(0.25);
    let channelLimit: number | null = null;
    if (status === "enabled" && index % 4 === 0) {
      const wanted = random.pick([0, 5, 10, 20, 25, 50]);
      if (allocated + wanted <= SEEDED_ALLOCATION_CAP) {
        channelLimit = wanted;
        allocated += wanted;
      }
    }
    accounts.push({
      id: random.uuid(),
      email,
      emailLower: email.toLowerCase(),
      organizationName,
      organizationNameLower: organizationName.toLowerCase(),
      apiKey: seededApiKey(random),
      apiToken: seededApiToken(random),
      allowCustomPricing,
      rollupBilling,
      createdAt: new Date(createdAtMs).toISOString(),
      createdAtMs,
      updatedAt: new Date(updatedAtMs).toISOString(),
      status,
      channelLimit,
      balanceCents: random.int(-5_000, 500_000),
      // Set by seedSpendRates, from a PRNG of its own (adding spend changed no seeded value).
      balanceAtMs: options.now,
      spendCentsPerDay: 0,
      creditLimitCents: random.pick([0, 10_000, 25_000, 50_000, 100_000]),
      hasPassword: random.chance(0.9),
    });
  }
  return accounts;
}

function userStatusFor(index: number, random: Random): UserStatus {
  if (index === 1) return "disabled";
  if (index === 2) return "blocked";
  const roll = random.next();
  if (roll < 0.12) return "disabled";
  if (roll < 0.2) return "blocked";
  return "enabled";
}

function seedUsers(random: Random, options: SeedOptions, groups: GroupRecord[]): UserRecord[] {
  const users: UserRecord[] = [];
  const emails: AddressBook = { taken: new Set(), nextSuffix: new Map() };
  for (let index = 0; index < options.users; index += 1) {
    const isOwner = index === 0;
    const local = isOwner ? "owner" : `${random.pick(firstNames)}.${random.pick(lastNames)}`;
    const email = uniqueAddress(local, ORGANIZATION_DOMAIN, emails);
    // The owner is the oldest user; everyone else joined over the last ~4 years.
    const ageDays = isOwner ? 1500 : index === 4 ? 400 : random.int(1, 1460);
    const createdAtMs = options.now - ageDays * DAY_MS - random.int(0, DAY_MS - 1);
    const lastSignInAt = lastSignInFor(index, ageDays, random, options.now);
    users.push({
      id: random.uuid(),
      email,
      emailLower: email.toLowerCase(),
      recordType: isOwner ? "organization_owner" : "organization_sub_user",
      userStatus: isOwner ? "enabled" : userStatusFor(index, random),
      createdAt: new Date(createdAtMs).toISOString(),
      createdAtMs,
      lastSignInAt,
      bypassesSso: isOwner || index === 5 || random.chance(0.1),
      groupIds: groupsFor(index, random, groups),
    });
  }
  return users;
}

function lastSignInFor(index: number, ageDays: number, random: Random, now: number): string | null {
  const never = index === 3 || (index > 7 && random.chance(0.1));
  if (never) return null;
  const dormant = (index === 4 || (index > 7 && random.chance(0.2))) && ageDays > 91;
  const daysAgo = dormant ? random.int(91, ageDays - 1) : random.int(0, Math.min(89, ageDays - 1));
  return new Date(now - daysAgo * DAY_MS - random.int(0, DAY_MS - 1)).toISOString();
}

function groupsFor(index: number, random: Random, groups: GroupRecord[]): string[] {
  if (index === 6) return [];
  const count = index === 7 ? 3 : random.pick([0, 1, 1, 1, 2, 2, 3]);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, groups.length)) chosen.add(random.pick(groups).id);
  return [...chosen];
}
