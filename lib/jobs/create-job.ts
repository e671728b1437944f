// POST /api/jobs and retry-failed: checks, the frozen target list, the job's intent row, the wake-up call.
import "server-only";
import { AppError } from "@/lib/api/errors";
import { openAudit } from "@/lib/api/route-audit";
import { clientIpOf, userAgentOf } from "@/lib/api/request-context";
import { can, deniedReason } from "@/lib/auth/permissions";
import type { StaffSession } from "@/lib/auth/session";
import { getAccountMemories } from "@/lib/db/account-memory";
import { recordAudit } from "@/lib/db/audit";
import { insertJob, setJobAudit, type JobRow } from "@/lib/db/jobs";
import { confirmAbove, confirmationText, type CreateJobBody, type JobAction } from "@/lib/schemas/jobs";
import { getChannelPool } from "@/lib/telnyx/managed-accounts";
import { enqueueJob } from "./boss";
import { jobActionPermissions } from "./permissions";
import { resolveTargets, type JobTarget } from "./resolve-targets";

export interface JobRequestContext {
  request: Request;
  staff: StaffSession;
  requestId: string;
}

/** The bulk action needs the single action's permission; a refusal is recorded like any other. */
export async function assertMayRun(action: JobAction, context: JobRequestContext): Promise<void> {
  const permission = jobActionPermissions[action];
  if (can(context.staff.role, permission)) return;
  await recordAudit({
    actor: { id: context.staff.staffId, email: context.staff.email, role: context.staff.role },
    action: "authz.denied",
    reason: `job ${action} needs ${permission}`,
    outcome: "denied",
    requestId: context.requestId,
    clientIp: clientIpOf(context.request),
    userAgent: userAgentOf(context.request),
  });
  throw new AppError("forbidden", deniedReason(permission));
}

function assertConfirmed(action: JobAction, count: number, confirm: string | undefined): void {
  if (count <= confirmAbove) return;
  const expected = confirmationText(action, count);
  if (confirm?.trim().toLowerCase() === expected) return;
  throw new AppError("validation_failed", `Type "${expected}" to confirm a change to ${count} targets.`, {
    fields: { confirm: `Type "${expected}" to confirm.` },
  });
}

/**
 * Refuses a limit the pool cannot hold, where that can be known: the extra channels over what we remember
 * each account holding (0 when we never set it) against the pool's headroom. Telnyx still has the last word
 * per item.
 */
async function assertPoolHolds(targets: JobTarget[], channelLimit: number): Promise<void> {
  const memories = await getAccountMemories(targets.map((target) => target.id));
  let extra = 0;
  for (const target of targets)
    extra += Math.max(0, channelLimit - (memories.get(target.id)?.channelLimit ?? 0));
  if (extra === 0) return;
  const pool = await getChannelPool();
  if (extra > pool.headroom) {
    throw new AppError("validation_failed", "The channel pool does not have room for this limit.", {
      fields: {
        "params.channelLimit": `These ${targets.length} accounts need ${extra} more channels, and the pool has ${pool.headroom} left.`,
      },
    });
  }
}

interface JobSpec {
  action: JobAction;
  params: Record<string, unknown>;
  reason: string;
  targets: JobTarget[];
  retryOf?: string;
}

async function startJob(spec: JobSpec, context: JobRequestContext): Promise<JobRow> {
  const { staff } = context;
  const job = await insertJob({
    ...spec,
    creator: { id: staff.staffId, email: staff.email, role: staff.role },
  });
  // Its label is the id until the outcome puts the counts there (job-outcome.ts).
  const audit = await openAudit(context, {
    action: `job.${spec.action}`,
    targetType: "job",
    targetId: job.id,
    targetLabel: job.id,
    reason: spec.reason,
    summary: {
      total: spec.targets.length,
      params: spec.params,
      ...(spec.retryOf ? { retryOf: spec.retryOf } : {}),
    },
  });
  await setJobAudit(job.id, audit.id);
  await enqueueJob(job.id);
  return { ...job, auditId: audit.id };
}

export async function createJob(body: CreateJobBody, context: JobRequestContext): Promise<JobRow> {
  await assertMayRun(body.action, context);
  // A typed count for a list of ids is checked before any view is read; a view's count is known after.
  if ("ids" in body.target) assertConfirmed(body.action, body.target.ids.length, body.confirm);
  const targets = await resolveTargets(body);
  assertConfirmed(body.action, targets.length, body.confirm);
  if (body.action === "account.channel_limit")
    await assertPoolHolds(targets, Number(body.params.channelLimit));
  return startJob({ action: body.action, params: body.params, reason: body.reason, targets }, context);
}

/** A new job of the items that failed, with the same action, parameters and reason. */
export async function retryFailed(
  job: JobRow,
  targets: JobTarget[],
  context: JobRequestContext,
): Promise<JobRow> {
  if (targets.length === 0) throw new AppError("conflict", "This job has no failed items to retry.");
  return startJob(
    { action: job.action, params: job.params, reason: job.reason, targets, retryOf: job.id },
    context,
  );
}
