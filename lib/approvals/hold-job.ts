// A bulk job over the policy's size waits for a second person. The requester must hold the action's
// permission (asking is not a way round it); a view's size is known only once its targets are read.
import "server-only";
import { assertMayRun, type JobRequestContext } from "@/lib/jobs/create-job";
import { resolveTargets } from "@/lib/jobs/resolve-targets";
import { AppError } from "@/lib/api/errors";
import { confirmAbove, confirmationText, type CreateJobBody } from "@/lib/schemas/jobs";
import { approvalPolicy, isJobHeldBack } from "./policy";
import { holdForApproval } from "./request";

export async function holdJobIfLarge(
  body: CreateJobBody,
  context: JobRequestContext,
): Promise<Response | null> {
  const policy = approvalPolicy();
  if (policy["job.create"] === null) return null;
  await assertMayRun(body.action, context);
  const count = "ids" in body.target ? body.target.ids.length : (await resolveTargets(body)).length;
  if (!isJobHeldBack(count, policy)) return null;
  // The typed count is checked now, as createJob would: an approval must not wait for a request that fails.
  const expected = confirmationText(body.action, count);
  if (count > confirmAbove && body.confirm?.trim().toLowerCase() !== expected) {
    throw new AppError("validation_failed", `Type "${expected}" to confirm a change to ${count} targets.`, {
      fields: { confirm: `Type "${expected}" to confirm.` },
    });
  }
  return holdForApproval(
    {
      request: { action: "job.create", body },
      target: { type: "job_request", id: body.action, label: `${body.action} on ${count} targets` },
      reason: body.reason,
    },
    context,
  );
}
