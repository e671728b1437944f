import { badRequest } from "./errors";
import type { SimStore } from "./store";
import type { UserRecord, UserStatus } from "./types";
import { randomUuid } from "./uuid";

// POST /__sim/users: adds one organization user, so tests can create cases the seed lacks (an email or a
// group name that a spreadsheet would read as a formula, a given sign-in date). Any group it names that
// does not exist yet is created.

const USER_STATUSES: readonly UserStatus[] = ["enabled", "disabled", "blocked"];

function textField(body: Record<string, unknown>, field: string, isRequired: boolean): string | undefined {
  const value = body[field];
  if (value === undefined && !isRequired) return undefined;
  if (typeof value !== "string" || value === "" || value.length > 320) {
    throw badRequest(`${field} must be a non-empty string.`, { pointer: `/${field}` });
  }
  return value;
}

function dateField(body: Record<string, unknown>, field: string): string | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) {
    throw badRequest(`${field} must be an ISO date or null.`, { pointer: `/${field}` });
  }
  return new Date(value).toISOString();
}

function groupNamesField(body: Record<string, unknown>): string[] {
  const value = body.groups ?? [];
  if (!Array.isArray(value) || !value.every((name) => typeof name === "string" && name !== "")) {
    throw badRequest("groups must be an array of group names.", { pointer: "/groups" });
  }
  return value as string[];
}

export function addControlUser(store: SimStore, body: Record<string, unknown>): UserRecord {
  const email = textField(body, "email", true) ?? "";
  const status = body.user_status ?? "enabled";
  if (!USER_STATUSES.includes(status as UserStatus)) {
    throw badRequest(`user_status must be one of: ${USER_STATUSES.join(", ")}.`, { pointer: "/user_status" });
  }
  const createdAt = dateField(body, "created_at") ?? new Date().toISOString();
  const user: UserRecord = {
    id: randomUuid(),
    email,
    emailLower: email.toLowerCase(),
    recordType: "organization_sub_user",
    userStatus: status as UserStatus,
    createdAt,
    createdAtMs: Date.parse(createdAt),
    lastSignInAt: dateField(body, "last_sign_in_at") ?? null,
    bypassesSso: body.organization_user_bypasses_sso === true,
    groupIds: groupNamesField(body).map((name) => store.ensureGroup(name, randomUuid).id),
  };
  store.addUser(user);
  return user;
}
