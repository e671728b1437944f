// Removing an organization user: read, check, record the intent, remove, record the outcome.
import "server-only";
import type { OrgUser, RemoveOrgUserBody } from "@/lib/schemas/org-users";
import { isAppError } from "@/lib/api/errors";
import { applyReconciled, type Reconciled } from "@/lib/accounts/reconcile";
import { getOrgUser, removeOrgUser } from "@/lib/telnyx/org-users";
import { assertConfirmedEmail, assertRemovable } from "./removal";
import { finishWithError, openAudit } from "@/lib/api/route-audit";

interface RemoveContext {
  request: Request;
  staff: Parameters<typeof openAudit>[0]["staff"];
  requestId: string;
}

/**
 * The user is read first, so a wrong confirmation (422) or the owner (409) is refused before anything is
 * sent to remove, and the audit row names the real email. The intent row is written before the remove
 * call and completed after it, as for every mutation.
 */
export async function removeOrganizationUser(
  id: string,
  body: RemoveOrgUserBody,
  context: RemoveContext,
): Promise<Reconciled<OrgUser>> {
  const user = await readRemovableUser(id, body);
  const audit = await openAudit(context, {
    action: "org_user.remove",
    targetType: "org_user",
    targetId: user.id,
    targetLabel: user.email,
    reason: body.reason,
    summary: { recordType: user.recordType, userStatus: user.userStatus },
  });
  try {
    const removed = await removeReadUser(user);
    await audit.finish({ outcome: "success" });
    return removed;
  } catch (error) {
    await finishWithError(audit, error);
    throw error;
  }
}

/** The user, read and checked: a wrong confirmation is 422, the owner 409 (also before asking approval). */
export async function readRemovableUser(id: string, body: RemoveOrgUserBody): Promise<OrgUser> {
  const user = await getOrgUser(id);
  assertConfirmedEmail(user, body.confirmEmail);
  assertRemovable(user);
  return user;
}

/** The remove call for a user already read and checked; bulk removals (lib/jobs) use it too. */
export function removeReadUser(user: OrgUser): Promise<Reconciled<OrgUser>> {
  // Never sent twice (irreversible); a lost answer is settled by looking the user up: gone means removed.
  return applyReconciled({
    action: "org_user.remove",
    apply: () => removeOrgUser(user.id),
    readBack: async () => {
      try {
        await getOrgUser(user.id);
        return null;
      } catch (error) {
        if (isAppError(error) && error.code === "not_found") return user;
        throw error;
      }
    },
    isResendable: false,
    appliedText: `${user.email} is removed`,
    notAppliedText: `${user.email} is not removed`,
  });
}
