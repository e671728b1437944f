// Removing an organization user: read, check, record the intent, remove, record the outcome.
import "server-only";
import type { OrgUser, RemoveOrgUserBody } from "@/lib/schemas/org-users";
import { getOrgUser, removeOrgUser } from "@/lib/telnyx/org-users";
import { assertConfirmedEmail, assertRemovable } from "./removal";
import { failureOf, openAudit } from "@/lib/api/route-audit";

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
): Promise<OrgUser> {
  const user = await getOrgUser(id);
  assertConfirmedEmail(user, body.confirmEmail);
  assertRemovable(user);
  const audit = await openAudit(context, {
    action: "org_user.remove",
    targetType: "org_user",
    targetId: user.id,
    targetLabel: user.email,
    reason: body.reason,
    summary: { recordType: user.recordType, userStatus: user.userStatus },
  });
  try {
    const removed = await removeOrgUser(id);
    await audit.finish({ outcome: "success" });
    return removed;
  } catch (error) {
    await audit.finish(failureOf(error));
    throw error;
  }
}
