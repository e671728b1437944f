// PATCH /api/staff/{id} as a use case: the lookup, the audit row named with the person's email, the change
// and its outcome. The route and an approved "make admin" request (lib/approvals) both run it.
import "server-only";
import { failureOf, openAudit } from "@/lib/api/route-audit";
import type { StaffSession } from "@/lib/auth/session";
import type { StaffDto, UpdateStaffBody } from "@/lib/schemas/staff";
import { applyStaffChange, findStaffMember, staffChangeIntent } from "./staff-admin";

export async function changeStaffMember(
  id: string,
  body: UpdateStaffBody,
  context: { request: Request; staff: StaffSession; requestId: string },
): Promise<StaffDto> {
  const person = await findStaffMember(id);
  const audit = await openAudit(context, staffChangeIntent(person, body));
  try {
    const data = await applyStaffChange(context.staff, person, body);
    await audit.finish({ outcome: "success" });
    return data;
  } catch (error) {
    await audit.finish(failureOf(error));
    throw error;
  }
}
