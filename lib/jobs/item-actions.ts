// One item of a bulk job, through the same code as the single action (lib/accounts/account-changes.ts,
// lib/users/remove-user.ts): the same Telnyx calls, reconciliation, remembered state and audit row.
import "server-only";
import {
  disableAccount,
  enableAccount,
  setChannelLimit,
  setCustomPricing,
} from "@/lib/accounts/account-changes";
import { isAppError } from "@/lib/api/errors";
import { finishWithError, type MutationAudit } from "@/lib/api/route-audit";
import type { StaffSession } from "@/lib/auth/session";
import type { ItemOutcome, JobItemRow, JobRow } from "@/lib/db/jobs";
import { markItemRunning } from "@/lib/db/jobs";
import type { JobAction } from "@/lib/schemas/jobs";
import { isKnownCancelled } from "@/lib/telnyx/account-status";
import { readManagedAccountNow } from "@/lib/telnyx/managed-account-read-back";
import { getOrgUser } from "@/lib/telnyx/org-users";
import { assertRemovable } from "@/lib/users/removal";
import { removeReadUser } from "@/lib/users/remove-user";
import { jobActor, openItemAudit, reopenItemAudit } from "./job-audit";

export type ItemResult =
  | { outcome: ItemOutcome; label?: string; errorCode?: string; errorMessage?: string }
  | { outcome: "retry"; afterMs: number };

// The single actions' audit names, so an account's history reads the same whichever way it was changed.
const auditActions: Record<JobAction, string> = {
  "account.disable": "account.disable",
  "account.enable": "account.enable",
  "account.channel_limit": "account.channel_limit.update",
  "account.pricing": "account.pricing.update",
  "org_user.remove": "org_user.remove",
};

const RATE_LIMIT_RETRIES = 5;

function staffOf(job: JobRow): StaffSession {
  const actor = jobActor(job);
  return { staffId: actor.id, email: actor.email, name: actor.email, role: actor.role, sessionId: "" };
}

/**
 * Whether an item a crashed driver left "running" is already applied: Telnyx is read first, so nothing is
 * sent twice. Undefined when it cannot be told (no read exists, or the read failed): the change is then
 * sent again where that is the same as once.
 */
async function isAlreadyApplied(job: JobRow, targetId: string): Promise<{ label?: string } | undefined> {
  const params = job.params;
  try {
    switch (job.action) {
      case "account.disable":
      case "account.enable": {
        const account = await readManagedAccountNow(targetId);
        const wanted = job.action === "account.disable" ? "disabled" : "enabled";
        return account.status === wanted ? { label: account.email } : undefined;
      }
      case "account.pricing": {
        const account = await readManagedAccountNow(targetId);
        return account.allowCustomPricing === params.allowCustomPricing
          ? { label: account.email }
          : undefined;
      }
      case "org_user.remove":
        await getOrgUser(targetId);
        return undefined;
      case "account.channel_limit":
        return undefined;
    }
  } catch (error) {
    if (job.action === "org_user.remove" && isAppError(error) && error.code === "not_found") return {};
    // Refused for rate, the read told nothing: the item waits and reads again, rather than send the change
    // a second time (a restarted console sends its first requests before it knows Telnyx's figures).
    if (isAppError(error) && error.code === "rate_limited") throw error;
    return undefined;
  }
}

async function apply(job: JobRow, item: JobItemRow, audit: (label?: string) => Promise<MutationAudit>) {
  const staff = staffOf(job);
  const params = job.params;
  const id = item.targetId;
  switch (job.action) {
    case "account.disable": {
      const row = await audit();
      return { row, label: (await disableAccount(id, staff)).value.email };
    }
    case "account.enable": {
      const row = await audit();
      const options = { reenableAllConnections: params.reenableAllConnections === true };
      return { row, label: (await enableAccount(id, staff, options)).value.email };
    }
    case "account.pricing": {
      const row = await audit();
      return { row, label: (await setCustomPricing(id, params.allowCustomPricing === true)).value.email };
    }
    case "account.channel_limit": {
      const row = await audit();
      await setChannelLimit(id, Number(params.channelLimit), staff);
      return { row, label: item.label ?? undefined };
    }
    case "org_user.remove": {
      // Read first, as the single removal does: the audit row names the email, the owner is refused.
      const user = await getOrgUser(id);
      assertRemovable(user);
      const row = await audit(user.email);
      return { row, label: (await removeReadUser(user)).value.email };
    }
  }
}

/**
 * An item that needs no request at all, told before it takes a slot of the rate budget: Telnyx changes
 * nothing on a cancelled account (cancelled is final). Undefined when the item is to be run.
 */
export async function skipWithoutRequest(
  job: JobRow,
  item: JobItemRow,
): Promise<{ errorCode: string; errorMessage: string } | undefined> {
  const isAccountItem = job.action !== "org_user.remove";
  if (!isAccountItem || item.status === "running" || !(await isKnownCancelled(item.targetId))) {
    return undefined;
  }
  return {
    errorCode: "account_cancelled",
    errorMessage: "The account is cancelled, and a cancelled account cannot be changed: nothing was sent.",
  };
}

/** Runs one item to an outcome; the caller counts it. */
export async function runItem(job: JobRow, item: JobItemRow): Promise<ItemResult> {
  const isResumed = item.status === "running";
  let auditRow: MutationAudit | undefined;
  const openAuditRow = async (label?: string) => {
    auditRow =
      isResumed && item.auditId
        ? reopenItemAudit(item.auditId)
        : await openItemAudit(job, {
            action: auditActions[job.action],
            targetType: job.action === "org_user.remove" ? "org_user" : "managed_account",
            targetId: item.targetId,
            targetLabel: label ?? item.label ?? undefined,
            summary: job.params,
          });
    await markItemRunning(job.id, item.position, auditRow.id);
    return auditRow;
  };
  try {
    const applied = isResumed ? await isAlreadyApplied(job, item.targetId) : undefined;
    if (applied) {
      if (item.auditId) await reopenItemAudit(item.auditId).finish({ outcome: "success", target: applied });
      return { outcome: "done", label: applied.label };
    }
    const { row, label } = await apply(job, item, openAuditRow);
    await row.finish({ outcome: "success", target: label ? { label } : undefined });
    return { outcome: "done", label };
  } catch (error) {
    const result = failureOf(error, item);
    // A refusal for rate stays open: the item is tried again and its row records how that ends.
    if (auditRow && result.outcome !== "retry") await finishWithError(auditRow, error);
    return result;
  }
}

function failureOf(error: unknown, item: JobItemRow): ItemResult {
  if (!isAppError(error)) {
    return { outcome: "failed", errorCode: "internal", errorMessage: "Something went wrong on our side." };
  }
  if (error.code === "rate_limited" && item.attempts < RATE_LIMIT_RETRIES) {
    return { outcome: "retry", afterMs: Math.min(60_000, Math.ceil((error.retryAfter ?? 1) * 1000)) };
  }
  const fieldMessages = error.fields ? Object.values(error.fields).join(" ") : "";
  return {
    outcome: "failed",
    errorCode: error.outcome === "unknown" ? "outcome_unknown" : error.code,
    errorMessage: [error.message, fieldMessages].filter(Boolean).join(" "),
  };
}
