// The one way an audited action writes its row: the intent before the upstream call, the outcome after.
// withRoute's `audit` option uses it; so do handlers whose intent needs a read first (a removal labelled
// with the user's email) or whose outcome is known only when a download's stream ends.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { isAppError } from "@/lib/api/errors";
import { clientIpOf, userAgentOf } from "@/lib/api/request-context";
import type { StaffSession } from "@/lib/auth/session";
import { finishAudit, markAuditUnknown, startAudit, type AuditCompletion } from "@/lib/db/audit";
import { log } from "@/lib/log";

export interface OpenAudit {
  /** The intent row's id (an export leaves its own row out of what it exports). */
  id: string;
  /** Completes the row once; later calls do nothing. Never throws: a download must not die of it. */
  finish: (completion: AuditCompletion) => Promise<void>;
}

/** A mutation's row can also read "unknown" for a while: a later read-back may still settle it. */
export interface MutationAudit extends OpenAudit {
  /** Records the outcome as unknown without completing the row. */
  markUnknown: () => Promise<void>;
}

/** What a mutation or export records before it calls Telnyx. */
export interface AuditIntent {
  action: string;
  targetType?: string;
  targetId?: string;
  targetLabel?: string;
  reason?: string;
  summary?: Record<string, unknown>;
}

interface AuditContext {
  request: Request;
  staff: StaffSession | null;
  requestId: string;
}

// An approved request runs the direct route's own use-case function; every row it opens carries the
// approval's id (and break-glass) through this, so the request, decisions and execution link up.
const auditAnnotations = new AsyncLocalStorage<Record<string, unknown>>();

export function withAuditAnnotation<T>(summary: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  return auditAnnotations.run(summary, run);
}

export async function openAudit(context: AuditContext, intent: AuditIntent): Promise<MutationAudit> {
  const { staff, request, requestId } = context;
  const annotation = auditAnnotations.getStore();
  const auditId = await startAudit({
    actor: staff ? { id: staff.staffId, email: staff.email, role: staff.role } : null,
    action: intent.action,
    targetType: intent.targetType,
    targetId: intent.targetId,
    targetLabel: intent.targetLabel,
    reason: intent.reason,
    requestSummary: annotation ? { ...intent.summary, ...annotation } : intent.summary,
    requestId,
    clientIp: clientIpOf(request),
    userAgent: userAgentOf(request),
  });
  let isFinished = false;
  return {
    id: auditId,
    async finish(completion) {
      if (isFinished) return;
      isFinished = true;
      try {
        await finishAudit(auditId, completion);
      } catch (error) {
        // The row stays pending and the start-up sweep marks it unknown: visible, not lost.
        log.error("audit.finish failed", { requestId, auditId, detail: String(error) });
      }
    },
    async markUnknown() {
      if (isFinished) return;
      await markAuditUnknown(auditId).catch((error: unknown) =>
        log.error("audit.mark_unknown failed", { requestId, auditId, detail: String(error) }),
      );
    },
  };
}

/**
 * Records a failed action. A change whose outcome could not be told (see lib/accounts/reconcile.ts) reads
 * "unknown" now and is completed in the background once a later read-back tells; every other error is a
 * failure.
 */
export async function finishWithError(
  audit: MutationAudit,
  error: unknown,
  target?: AuditCompletion["target"],
): Promise<void> {
  // Unknown only when this very request may have reached Telnyx; a refusal that merely reports an earlier
  // request's unknown outcome changed nothing.
  if (!isAppError(error) || error.outcome !== "unknown" || !error.ambiguity) {
    await audit.finish({ ...failureOf(error), target });
    return;
  }
  await audit.markUnknown();
  const settleLater = error.settleLater;
  if (!settleLater) return;
  void settleLater()
    .then((settlement) =>
      settlement ? audit.finish({ ...settlement, target: { ...target, ...settlement.target } }) : undefined,
    )
    .catch((settleError: unknown) =>
      log.error("audit.settle failed", { auditId: audit.id, detail: String(settleError) }),
    );
}

/** The outcome to record for an error thrown by a handler or a stream. */
export function failureOf(error: unknown): AuditCompletion {
  return {
    outcome: "failure",
    upstreamStatus: isAppError(error) ? error.upstreamStatus : undefined,
    errorCode: isAppError(error) ? error.code : "internal",
  };
}
