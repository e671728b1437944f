// An audit row opened by a handler itself, for the two cases withRoute's `audit` option cannot serve: a
// removal whose target label comes from a read made first, and a download whose outcome is known only
// when the stream ends (withRoute completes its row as soon as the handler returns).
import "server-only";
import { isAppError } from "@/lib/api/errors";
import { clientIpOf, userAgentOf } from "@/lib/api/request-context";
import type { AuditIntent } from "@/lib/api/with-route";
import type { StaffSession } from "@/lib/auth/session";
import { finishAudit, startAudit, type AuditCompletion } from "@/lib/db/audit";
import { log } from "@/lib/log";

export interface OpenAudit {
  /** The intent row's id (an export leaves its own row out of what it exports). */
  id: string;
  /** Completes the row once; later calls do nothing. Never throws: a download must not die of it. */
  finish: (completion: AuditCompletion) => Promise<void>;
}

interface AuditContext {
  request: Request;
  staff: StaffSession | null;
  requestId: string;
}

export async function openAudit(context: AuditContext, intent: AuditIntent): Promise<OpenAudit> {
  const { staff, request, requestId } = context;
  const auditId = await startAudit({
    actor: staff ? { id: staff.staffId, email: staff.email, role: staff.role } : null,
    action: intent.action,
    targetType: intent.targetType,
    targetId: intent.targetId,
    targetLabel: intent.targetLabel,
    reason: intent.reason,
    requestSummary: intent.summary,
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
  };
}

/** The outcome to record for an error thrown by a handler or a stream. */
export function failureOf(error: unknown): AuditCompletion {
  return {
    outcome: "failure",
    upstreamStatus: isAppError(error) ? error.upstreamStatus : undefined,
    errorCode: isAppError(error) ? error.code : "internal",
  };
}
