// Creating a managed account exactly once per form submission. Telnyx takes no idempotency key and
// lib/telnyx never retries the create. A double submit is caught by the Idempotency-Key header; a create
// whose answer was lost is looked up (reconcile.ts) and, when it cannot be found yet, keeps its key as
// "unknown" so that the same submission again looks before it creates: one account, never two.
import "server-only";
import { createHash } from "node:crypto";
import { AppError, isAppError } from "@/lib/api/errors";
import type { StaffSession } from "@/lib/auth/session";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  markIdempotencyKeyUnknown,
  readIdempotencyKey,
  reclaimIdempotencyKey,
  releaseIdempotencyKey,
  type IdempotencyKeyId,
  type IdempotencyKeyRow,
} from "@/lib/db/idempotency";
import { log } from "@/lib/log";
import {
  idempotencyKeyPattern,
  type CreatedManagedAccount,
  type CreateManagedAccountBody,
  type ReplayedCreateAnswer,
} from "@/lib/schemas/managed-accounts";
import { findCreatedManagedAccount } from "@/lib/telnyx/managed-account-read-back";
import { createManagedAccount, forgetAccountStatuses } from "@/lib/telnyx/managed-accounts";
import { applyReconciled } from "./reconcile";

const SCOPE = "POST /api/managed-accounts";
// A repeat waits this long for the first request (whose Telnyx deadline is 8 s by default) to finish.
const WAIT_FOR_FIRST_MS = 12_000;
const POLL_MS = 150;
// A create still pending after this belongs to a request that died: look for its account before anything.
const STALE_PENDING_MS = 2 * 60 * 1000;
// A lost create not found within this long never happened (see reconcile.ts's later read-backs).
const SETTLE_WINDOW_MS = 90_000;

/** The request's Idempotency-Key, checked before anything is written; undefined when none was sent. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) return undefined;
  if (!idempotencyKeyPattern.test(key)) {
    throw new AppError("bad_request", "The Idempotency-Key header is not valid.", {
      fields: { idempotencyKey: "Use 8 to 128 letters, digits, dashes or underscores (a UUID fits)." },
    });
  }
  return key;
}

/** What identifies "the same submission"; the password stays out (even hashed, it is not ours to keep). */
function hashRequest(body: CreateManagedAccountBody): string {
  const { businessName, email, allowCustomPricing, rollupBilling } = body;
  return createHash("sha256")
    .update(JSON.stringify([businessName, email ?? null, allowCustomPricing ?? null, rollupBilling ?? null]))
    .digest("hex");
}

export type CreateAnswer =
  { data: CreatedManagedAccount; notice?: string } | (ReplayedCreateAnswer & { notice?: string });

export async function createAccountOnce(
  body: CreateManagedAccountBody,
  staff: StaffSession,
  idempotencyKey: string | undefined,
): Promise<CreateAnswer> {
  if (!idempotencyKey) return createReconciled(body, new Date());
  const id: IdempotencyKeyId = { staffId: staff.staffId, scope: SCOPE, key: idempotencyKey };
  const requestHash = hashRequest(body);
  const claim = await claimIdempotencyKey(id, requestHash);
  if (!claim.isClaimed) return resubmitted(id, requestHash, claim.row, body);
  return createWithKey(id, body);
}

/** The create itself; a lost answer is looked up by email or organization name and creation time. */
async function createReconciled(body: CreateManagedAccountBody, since: Date) {
  const label = body.email ?? body.businessName;
  const { value, notice } = await applyReconciled({
    action: "account.create",
    apply: () => createManagedAccount(body),
    readBack: () => findCreatedManagedAccount(body, since),
    isResendable: false,
    appliedText: `the account ${label} was created`,
    notAppliedText: `there is no new account ${label}`,
    auditTargetOf: (account) => ({ id: account.id }),
    onApplied: async () => forgetAccountStatuses(),
  });
  log.info("account.created", { accountId: value.id, reconciled: notice !== undefined });
  return { data: value, ...(notice ? { notice } : {}) };
}

async function createWithKey(id: IdempotencyKeyId, body: CreateManagedAccountBody): Promise<CreateAnswer> {
  const since = new Date();
  let answer: { data: CreatedManagedAccount; notice?: string };
  try {
    answer = await createReconciled(body, since);
  } catch (error) {
    if (isAppError(error) && error.outcome === "unknown") {
      // It may yet exist: the key stays, and the same submission again looks for it before creating.
      await markIdempotencyKeyUnknown(id).catch((markError: unknown) =>
        log.error("idempotency.mark_unknown_failed", { error: String(markError) }),
      );
      throw error;
    }
    // Certainly not created: the same submission may be tried again (a new form gets a new key).
    await releaseIdempotencyKey(id).catch((releaseError: unknown) =>
      log.warn("idempotency.release_failed", { error: String(releaseError) }),
    );
    throw error;
  }
  await completeKey(id, answer.data);
  return answer;
}

/** The key itself is shown once and never stored: a replay answers the account without it. */
async function completeKey(
  id: IdempotencyKeyId,
  created: CreatedManagedAccount,
  from?: "unknown" | "pending",
) {
  const { apiKey: _shownOnce, ...account } = created;
  return completeIdempotencyKey(id, { resourceId: created.id, response: account }, undefined, from).catch(
    (error: unknown) => {
      log.warn("idempotency.complete_failed", { error: String(error) });
      return false;
    },
  );
}

async function resubmitted(
  id: IdempotencyKeyId,
  requestHash: string,
  first: IdempotencyKeyRow,
  body: CreateManagedAccountBody,
): Promise<CreateAnswer> {
  if (first.requestHash !== requestHash) {
    throw new AppError("conflict", "This Idempotency-Key was already used for a different account.");
  }
  let row: IdempotencyKeyRow | null = first;
  const giveUpAt = Date.now() + WAIT_FOR_FIRST_MS;
  while (row?.state === "pending" && !isStale(row) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    row = await readIdempotencyKey(id);
  }
  if (!row) {
    throw new AppError("conflict", "The first submission of this form failed. Submit the form again.");
  }
  if (row.state === "done" && row.response) {
    return { data: row.response as ReplayedCreateAnswer["data"], replayed: true };
  }
  if (row.state === "pending" && !isStale(row)) {
    throw new AppError(
      "conflict",
      "This form was already submitted and the account is still being created. Check the accounts list.",
    );
  }
  return lookBeforeCreating(id, row, body);
}

const isStale = (row: IdempotencyKeyRow) => Date.now() - row.createdAt.getTime() > STALE_PENDING_MS;

/**
 * The first submission's outcome is unknown (its answer was lost, or its request died): find its account.
 * Found, the first to settle the key shows the new key once; not found after the settle window, the create
 * never happened and this submission makes it; not found before, the person is asked to wait.
 */
async function lookBeforeCreating(
  id: IdempotencyKeyId,
  row: IdempotencyKeyRow,
  body: CreateManagedAccountBody,
): Promise<CreateAnswer> {
  let found: CreatedManagedAccount | null;
  try {
    found = await findCreatedManagedAccount(body, row.createdAt);
  } catch (error) {
    throw new AppError(
      "conflict",
      "The first submission's outcome is still unknown and Telnyx could not be checked just now. Try again shortly; no second account will be made.",
      { retryAfter: 10, cause: error, outcome: "unknown" },
    );
  }
  forgetAccountStatuses();
  if (found) {
    const isFirstToSettle = await completeKey(id, found, row.state === "done" ? undefined : row.state);
    const { apiKey: _key, ...account } = found;
    if (!isFirstToSettle) return { data: account, replayed: true };
    return {
      data: found,
      notice: "Your first submission did create this account; Telnyx's answer to it was lost.",
    };
  }
  const waitMs = SETTLE_WINDOW_MS - (Date.now() - row.createdAt.getTime());
  if (waitMs > 0) {
    throw new AppError(
      "conflict",
      "Telnyx has not confirmed the first submission of this form and its account is not there yet. We are still checking; try again shortly. No second account will be made.",
      { retryAfter: Math.ceil(waitMs / 1000), outcome: "unknown" },
    );
  }
  if (!(await reclaimIdempotencyKey(id, [row.state]))) {
    throw new AppError("conflict", "This form is being submitted again elsewhere. Check the accounts list.");
  }
  return createWithKey(id, body);
}
