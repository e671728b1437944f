import "server-only";
import type { AccountStatus, ManagedAccountFilters } from "@/lib/schemas/managed-accounts";
import { log } from "@/lib/log";
import { callTelnyx } from "./client";
import { bulkMaxRps, rateBudget } from "./rate-budget";
import { upstreamState, type CachedStatusSet, type StatusSet } from "./state";
import { toTelnyxFilter } from "./list-params";

/*
 * Telnyx list items carry no status; only `filter[status][eq]` tells. To label a page of accounts we ask,
 * with the same email/organization filters, for the ids that are disabled and blocked (and cancelled, when
 * those are shown) and call every other id on the page enabled. Those sets are small (usually one request of
 * 250 each; a manager holds at most 1,000 accounts by default, so we stop after 4 pages), they do not depend on
 * which page is shown, so they run alongside the page request and are reused for a few seconds by the next
 * pages, sorts and refreshes. Our own enable/disable forget them at once; a change made elsewhere (the Telnyx
 * portal, another console instance) shows within the TTL and one background fetch. Asking for the enabled set instead would be exact
 * too, but it is the large one.
 *
 * A set just past its TTL is still served, for five seconds more, while its successor is fetched in the background:
 * a person's list read then costs Telnyx one request, not a burst of up to seven, and the background fetch
 * takes its turn in the bulk pace (rateBudget.acquire) like a job's request. During a bulk job that matters
 * twice: people's reads no longer wait for a set behind a spent window, and the budget's reserve for people
 * (their recent peak a second) is not inflated by those bursts, so the job keeps the rest of the window
 * (bench:bulk). A set older than that is fetched while the reader waits, as is a dropped one: a person
 * coming back to the list after a pause sees nothing older than the TTL.
 */

const statusSetTtlMs = 15_000;
const statusSetStaleMs = statusSetTtlMs + 5_000;
const statusPageSize = 250;
const maxStatusPages = 4;
const maxCachedSets = 200;

type DerivedStatus = Exclude<AccountStatus, "enabled">;

async function fetchStatusSet(
  status: DerivedStatus,
  filters: ManagedAccountFilters,
  isBackground = false,
): Promise<StatusSet> {
  const fetchPage = async (page: number) => {
    if (isBackground) await rateBudget.acquire({ maxRps: bulkMaxRps() });
    return callTelnyx({ operation: "ListManagedAccounts", isRetryable: true }, (client, options) =>
      client.managedAccounts.list(
        {
          filter: { ...toTelnyxFilter(filters), status: { eq: status } },
          include_cancelled_accounts: status === "cancelled" || filters.includeCancelled,
          "page[number]": page,
          "page[size]": statusPageSize,
        },
        options,
      ),
    );
  };
  const first = await fetchPage(1);
  const totalPages = first.meta.total_pages ?? 1;
  // The first page tells how many there are; the rest (at most 3) come side by side, so a large set
  // delays the list's first page (and an export's) by two round trips rather than four.
  const rest = await Promise.all(
    Array.from({ length: Math.min(totalPages, maxStatusPages) - 1 }, (_, index) => fetchPage(index + 2)),
  );
  const ids = new Set([first, ...rest].flatMap((answer) => answer.data.map((item) => item.id)));
  return { ids, isComplete: totalPages <= maxStatusPages };
}

type StatusSetKey = [DerivedStatus, ...unknown[]];

const statusSetKey = (status: DerivedStatus, filters: ManagedAccountFilters): string =>
  JSON.stringify([
    status,
    filters.email,
    filters.emailMatch,
    filters.org,
    filters.orgMatch,
    filters.includeCancelled,
  ] satisfies StatusSetKey);

function cachedStatusSet(
  status: DerivedStatus,
  filters: ManagedAccountFilters,
  isBackground = false,
): Promise<StatusSet> {
  const cache = upstreamState().statusSets;
  const key = statusSetKey(status, filters);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.promise;
  if (hit && hit.staleUntil > now) {
    refreshInBackground(
      hit,
      () => cache.get(key) === hit,
      () => fetchStatusSet(status, filters, true),
    );
    return hit.promise;
  }
  // A set past its stale window is never served again: it goes now, not once 200 filters have piled up (each
  // set holds up to a thousand ids, kept for as long as nobody typed a new filter).
  for (const [oldKey, entry] of cache) if (entry.staleUntil <= now) cache.delete(oldKey);
  if (cache.size >= maxCachedSets) cache.clear();
  const promise = fetchStatusSet(status, filters, isBackground);
  const entry: CachedStatusSet = {
    expiresAt: now + statusSetTtlMs,
    staleUntil: now + statusSetStaleMs,
    promise,
  };
  cache.set(key, entry);
  // A failed lookup must not be served from the cache to the next request.
  promise.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return promise;
}

/**
 * Starts one background fetch for an expired set; when it lands (with the corrections noted meanwhile, see
 * noteAccountStatus) it becomes the set served. A failure leaves the stale set, and the next read tries again.
 */
function refreshInBackground(
  entry: CachedStatusSet,
  isStillCached: () => boolean,
  fetchSet: () => Promise<StatusSet>,
): void {
  if (entry.refresh) return;
  entry.refresh = fetchSet();
  entry.refresh.then(
    () => {
      if (!isStillCached() || !entry.refresh) return;
      const now = Date.now();
      Object.assign(entry, {
        promise: entry.refresh,
        refresh: undefined,
        expiresAt: now + statusSetTtlMs,
        staleUntil: now + statusSetStaleMs,
      });
    },
    (error: unknown) => {
      entry.refresh = undefined;
      log.warn("telnyx.status_refresh_failed", { error: String(error) });
    },
  );
}

export type StatusSets = Partial<Record<DerivedStatus, StatusSet>>;

/** The ids in every non-enabled status matching these filters; independent of paging and sort. */
export async function loadStatusSets(filters: ManagedAccountFilters): Promise<StatusSets> {
  const statuses: DerivedStatus[] = filters.includeCancelled
    ? ["cancelled", "disabled", "blocked"]
    : ["disabled", "blocked"];
  const sets = await Promise.all(statuses.map((status) => cachedStatusSet(status, filters)));
  return Object.fromEntries(statuses.map((status, index) => [status, sets[index]]));
}

/**
 * Whether Telnyx has this account as cancelled, from the unfiltered cached set (fetched at the bulk pace
 * when it must be). Cancelled is final, so a cached "yes" stays true; false also when it cannot be told.
 */
export async function isKnownCancelled(id: string): Promise<boolean> {
  const filters: ManagedAccountFilters = {
    emailMatch: "contains",
    orgMatch: "contains",
    includeCancelled: true,
  };
  const set = await cachedStatusSet("cancelled", filters, true).catch(() => undefined);
  return set?.ids.has(id) ?? false;
}

/** Status per id; an id is left out when the sets were too large to be sure it is enabled. */
export function statusesFrom(sets: StatusSets, ids: readonly string[]): Map<string, AccountStatus> {
  const entries = Object.entries(sets) as [DerivedStatus, StatusSet][];
  const isComplete = entries.every(([, set]) => set.isComplete);
  const statuses = new Map<string, AccountStatus>();
  for (const id of ids) {
    const found = entries.find(([, set]) => set.ids.has(id))?.[0];
    if (found) statuses.set(id, found);
    else if (isComplete) statuses.set(id, "enabled");
  }
  return statuses;
}

export async function deriveStatuses(
  ids: readonly string[],
  filters: ManagedAccountFilters,
): Promise<Map<string, AccountStatus>> {
  return statusesFrom(await loadStatusSets(filters), ids);
}

/** Drops the cached sets for these filters: the next read asks Telnyx (an export starts from the truth). */
export function forgetStatusSetsFor(filters: ManagedAccountFilters): void {
  const cache = upstreamState().statusSets;
  for (const status of ["cancelled", "disabled", "blocked"] as const)
    cache.delete(statusSetKey(status, filters));
}

/** After a change whose outcome is not known: the next list must not show a status from the cache. */
export function forgetAccountStatuses(): void {
  upstreamState().statusSets.clear();
}

/**
 * After Telnyx confirmed our own enable or disable of one account: the cached sets are corrected rather than
 * dropped, so a bulk job of a thousand changes does not make every list read in between fetch every set again
 * (each fetch is Telnyx budget the job then lacks). The id leaves every set of another status. It joins the
 * cached sets of its new status only where they have no email or organization filter; a filtered one is
 * dropped, since whether this account matches its filter is Telnyx's to say. A fetch still in flight is
 * corrected when it lands, so an answer read just before the change cannot bring the old status back.
 */
export function noteAccountStatus(id: string, status: "enabled" | "disabled"): void {
  const cache = upstreamState().statusSets;
  for (const [key, entry] of cache) {
    const [setStatus, email, , org] = JSON.parse(key) as StatusSetKey;
    const correct = (promise: Promise<StatusSet>) =>
      setStatus !== status
        ? corrected(promise, (set) => withoutId(set, id))
        : corrected(promise, (set) => ({ ...set, ids: new Set(set.ids).add(id) }));
    if (setStatus !== status || (!email && !org)) {
      entry.promise = correct(entry.promise);
      if (entry.refresh) entry.refresh = correct(entry.refresh);
    } else {
      cache.delete(key);
    }
  }
}

function corrected(promise: Promise<StatusSet>, correct: (set: StatusSet) => StatusSet): Promise<StatusSet> {
  const next = promise.then(correct);
  // A failed fetch is dropped from the cache by its own handler; this copy must not count as unhandled.
  next.catch(() => undefined);
  return next;
}

function withoutId(set: StatusSet, id: string): StatusSet {
  if (!set.ids.has(id)) return set;
  const ids = new Set(set.ids);
  ids.delete(id);
  return { ...set, ids };
}
