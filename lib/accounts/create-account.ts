// Creating a managed account exactly once per form submission. Telnyx takes no idempotency key and
// lib/telnyx never retries the create, so the only duplicate left is a double submit: the Idempotency-Key
// header catches it here.
import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import type { StaffSession } from "@/lib/auth/session";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  readIdempotencyKey,
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
import { createManagedAccount, forgetAccountStatuses } from "@/lib/telnyx/managed-accounts";

const SCOPE = "POST /api/managed-accounts";
// A repeat waits this long for the first request (whose Telnyx deadline is 8 s by default) to finish.
const WAIT_FOR_FIRST_MS = 12_000;
const POLL_MS = 150;

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

export type CreateAnswer = { data: CreatedManagedAccount } | ReplayedCreateAnswer;

export async function createAccountOnce(
  body: CreateManagedAccountBody,
  staff: StaffSession,
  idempotencyKey: string | undefined,
): Promise<CreateAnswer> {
  if (!idempotencyKey) return { data: await createAndLog(body) };
  const id: IdempotencyKeyId = { staffId: staff.staffId, scope: SCOPE, key: idempotencyKey };
  const requestHash = hashRequest(body);
  const claim = await claimIdempotencyKey(id, requestHash);
  if (!claim.isClaimed) return replay(id, requestHash, claim.row);
  let created: CreatedManagedAccount;
  try {
    created = await createAndLog(body);
  } catch (error) {
    // A failed create frees the key: the same submission may be tried again (a new one gets a new key).
    await releaseIdempotencyKey(id).catch((releaseError: unknown) =>
      log.warn("idempotency.release_failed", { error: String(releaseError) }),
    );
    throw error;
  }
  // The key itself is shown once and never stored: a replay answers the account without it.
  const { apiKey: _shownOnce, ...account } = created;
  await completeIdempotencyKey(id, { resourceId: created.id, response: account }).catch(
    (completeError: unknown) => log.warn("idempotency.complete_failed", { error: String(completeError) }),
  );
  return { data: created };
}

async function createAndLog(body: CreateManagedAccountBody): Promise<CreatedManagedAccount> {
  const created = await createManagedAccount(body);
  // A new account is enabled; drop cached status sets so the next list does not leave it unlabelled.
  forgetAccountStatuses();
  log.info("account.created", { accountId: created.id });
  return created;
}

async function replay(
  id: IdempotencyKeyId,
  requestHash: string,
  first: IdempotencyKeyRow,
): Promise<ReplayedCreateAnswer> {
  if (first.requestHash !== requestHash) {
    throw new AppError("conflict", "This Idempotency-Key was already used for a different account.");
  }
  let row: IdempotencyKeyRow | null = first;
  const giveUpAt = Date.now() + WAIT_FOR_FIRST_MS;
  while (row?.state === "pending" && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    row = await readIdempotencyKey(id);
  }
  if (!row) {
    throw new AppError("conflict", "The first submission of this form failed. Submit the form again.");
  }
  if (row.state !== "done" || !row.response) {
    throw new AppError(
      "conflict",
      "This form was already submitted and the account is still being created. Check the accounts list.",
    );
  }
  return { data: row.response as ReplayedCreateAnswer["data"], replayed: true };
}
