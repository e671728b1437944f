import { accountDetail, accountListItem } from "./account-wire";
import { notFound } from "./errors";
import { isUuid } from "./prng";
import { paginate, readBoolean, readEnum, readInteger, refuseUnknownBracketed } from "./query";
import { json, type Handler, type RouteContext } from "./route-types";
import type { AccountFilter, AccountSort } from "./store";
import type { AccountRecord } from "./types";
import { invalidParameter } from "./errors";

const FILTER_NAMES = [
  "filter[email][contains]",
  "filter[email][eq]",
  "filter[organization_name][contains]",
  "filter[organization_name][eq]",
  "filter[status][eq]",
] as const;
const KNOWN_BRACKETED = new Set<string>([...FILTER_NAMES, "page[number]", "page[size]"]);
const STATUSES = ["all", "active", "enabled", "cancelled", "disabled", "blocked"] as const;
const SORTS = ["created_at", "-created_at", "email", "-email"] as const;

/** Query errors on this operation answer 422 with source.parameter (the spec's UnprocessableEntityError). */
const STATUS = 422;

function readContains(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (value.length < 3) throw invalidParameter(STATUS, name, `${name} requires at least three characters.`);
  return value;
}

/** GET /managed_accounts */
export const listManagedAccounts: Handler = ({ store, query }) => {
  refuseUnknownBracketed(query, ["filter", "page"], KNOWN_BRACKETED, STATUS);
  const pageNumber = readInteger(query, "page[number]", 1, { min: 1 }, STATUS);
  const pageSize = readInteger(query, "page[size]", 20, { min: 1, max: 250 }, STATUS);
  // The spec's default is created_at, and its prose says "by created_at in descending order": newest first.
  const sort: AccountSort = readEnum(query, "sort", SORTS, STATUS) ?? "-created_at";
  const filter: AccountFilter = {
    emailContains: readContains(query, "filter[email][contains]"),
    emailEq: query.get("filter[email][eq]") ?? undefined,
    organizationNameContains: readContains(query, "filter[organization_name][contains]"),
    organizationNameEq: query.get("filter[organization_name][eq]") ?? undefined,
    status: readEnum(query, "filter[status][eq]", STATUSES, STATUS),
    includeCancelled: readBoolean(query, "include_cancelled_accounts", STATUS),
  };
  const page = paginate(store.listAccounts(filter, sort), pageNumber, pageSize);
  return json({ data: page.data.map((account) => accountListItem(account, store)), meta: page.meta });
};

/** A non-UUID id cannot name an account: 404, like an unknown one (404 is what the spec documents here). */
export function findAccount({ store, id }: RouteContext): AccountRecord {
  const account = isUuid(id) ? store.getAccount(id) : undefined;
  if (!account) throw notFound();
  return account;
}

/** GET /managed_accounts/{id} */
export const retrieveManagedAccount: Handler = (context) =>
  json({ data: accountDetail(findAccount(context), context.store) });

/** GET /managed_accounts/allocatable_global_outbound_channels */
export const listAllocatableChannels: Handler = ({ store }) =>
  json({
    data: {
      record_type: "allocatable_global_outbound_channels",
      allocatable_global_outbound_channels: store.manager.allocatableChannels,
      total_global_channels_allocated: store.allocatedChannels,
    },
  });
