// The Staff page's changes. Handlers call these; the rules that protect the team from locking itself out
// live here and in lib/db/staff.ts (the last active admin).
import "server-only";
import { AppError } from "@/lib/api/errors";
import type { AuditIntent } from "@/lib/api/route-audit";
import type { StaffSession } from "@/lib/auth/session";
import {
  createStaff,
  findStaffById,
  listStaff,
  setStaffPassword,
  setStaffStatus,
  updateStaffRole,
  type StaffRecord,
} from "@/lib/db/staff";
import { staffIdsWithMfa } from "@/lib/db/staff-mfa";
import type { ListResult } from "@/lib/schemas/common";
import type { CreateStaffBody, StaffDto, UpdateStaffBody } from "@/lib/schemas/staff";

export function toStaffDto(record: StaffRecord): StaffDto {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role,
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    lastSignInAt: record.lastSignInAt?.toISOString() ?? null,
  };
}

/** Everyone, as one page: a team is small enough that the list is never paged. */
export async function listStaffResult(): Promise<ListResult<StaffDto>> {
  const withMfa = await staffIdsWithMfa();
  const data = (await listStaff()).map((record) => ({
    ...toStaffDto(record),
    mfaEnabled: withMfa.has(record.id),
  }));
  return { data, meta: { page: 1, pageSize: data.length, totalPages: 1, totalResults: data.length } };
}

/** The person's id is chosen first, so the audit intent row can name them before they exist. */
export function staffCreateIntent(id: string, body: CreateStaffBody): AuditIntent {
  const email = body.email.toLowerCase();
  return {
    action: "staff.create",
    targetType: "staff",
    targetId: id,
    targetLabel: email,
    summary: { email, name: body.name, role: body.role },
  };
}

export async function createStaffMember(id: string, body: CreateStaffBody): Promise<StaffDto> {
  return toStaffDto(await createStaff({ ...body, id }));
}

export async function findStaffMember(id: string): Promise<StaffRecord> {
  const person = await findStaffById(id);
  if (!person) throw new AppError("not_found", "There is no staff member with this id.");
  return person;
}

/** The audit row for a change, written before it is made. The password itself is never in it. */
export function staffChangeIntent(person: StaffRecord, body: UpdateStaffBody): AuditIntent {
  const target = { targetType: "staff", targetId: person.id, targetLabel: person.email };
  if (body.role) {
    return {
      ...target,
      action: "staff.role.update",
      summary: { role: body.role, previousRole: person.role },
    };
  }
  if (body.status) {
    return { ...target, action: body.status === "disabled" ? "staff.disable" : "staff.enable", summary: {} };
  }
  return { ...target, action: "staff.password.reset", summary: {} };
}

/** Applies one change. An admin may not lock themselves out: no self-disable, no self-demotion. */
export async function applyStaffChange(
  actor: StaffSession,
  person: StaffRecord,
  body: UpdateStaffBody,
): Promise<StaffDto> {
  const isSelf = actor.staffId === person.id;
  if (body.role) {
    if (isSelf && body.role !== "admin") {
      throw new AppError("conflict", "You cannot change your own role. Ask another admin to do it.");
    }
    return toStaffDto(await updateStaffRole(person.id, body.role));
  }
  if (body.status) {
    if (isSelf && body.status === "disabled") {
      throw new AppError("conflict", "You cannot disable yourself. Ask another admin to do it.");
    }
    return toStaffDto(await setStaffStatus(person.id, body.status));
  }
  if (body.password) return toStaffDto(await setStaffPassword(person.id, body.password));
  throw new AppError("validation_failed", "Send exactly one change: role, status or password.");
}
