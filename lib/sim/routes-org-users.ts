import { forbidden, invalidId, notFound } from "./errors";
import { isUuid } from "./prng";
import { paginate, readBoolean, readEnum, readInteger, refuseUnknownBracketed } from "./query";
import { json, type Handler, type RouteContext } from "./route-types";
import type { SimStore } from "./store";
import type { UserRecord } from "./types";

/** Query errors on the users operations answer 400 (documented there) with source.parameter. */
const STATUS = 400;
const KNOWN_BRACKETED = new Set(["page[number]", "page[size]", "filter[email]", "filter[user_status]"]);
const USER_STATUSES = ["enabled", "disabled", "blocked"] as const;

export function userWire(user: UserRecord, store: SimStore, withGroups: boolean) {
  const wire = {
    id: user.id,
    record_type: user.recordType,
    email: user.email,
    user_status: user.userStatus,
    created_at: user.createdAt,
    last_sign_in_at: user.lastSignInAt,
    organization_user_bypasses_sso: user.bypassesSso,
  };
  if (!withGroups) return wire;
  return { ...wire, groups: store.groupsOf(user).map((group) => ({ id: group.id, name: group.name })) };
}

/** GET /organizations/users — oldest first (no sort parameter exists), default page size 250. */
export const listOrganizationUsers: Handler = ({ store, query }) => {
  refuseUnknownBracketed(query, ["filter", "page"], KNOWN_BRACKETED, STATUS);
  const pageNumber = readInteger(query, "page[number]", 1, { min: 1 }, STATUS);
  const pageSize = readInteger(query, "page[size]", 250, { min: 1, max: 250 }, STATUS);
  const userStatus = readEnum(query, "filter[user_status]", USER_STATUSES, STATUS);
  const includeGroups = readBoolean(query, "include_groups", STATUS);
  const emailContains = query.get("filter[email]") ?? undefined;
  const page = paginate(store.listUsers({ emailContains, userStatus }), pageNumber, pageSize);
  return json({ data: page.data.map((user) => userWire(user, store, includeGroups)), meta: page.meta });
};

/** A malformed id is a bad request here (400 "Invalid ID" is documented); a well-formed unknown one is 404. */
function findUser({ store, id }: RouteContext): UserRecord {
  if (!isUuid(id)) throw invalidId();
  const user = store.getUser(id);
  if (!user) throw notFound();
  return user;
}

/** GET /organizations/users/{id} */
export const getOrganizationUser: Handler = (context) => {
  const includeGroups = readBoolean(context.query, "include_groups", STATUS);
  return json({ data: userWire(findUser(context), context.store, includeGroups) });
};

/** POST /organizations/users/{id}/actions/remove — irreversible; the owner cannot be removed (403). */
export const removeOrganizationUser: Handler = (context) => {
  const user = findUser(context);
  if (user.recordType === "organization_owner") throw forbidden("The organization owner cannot be removed.");
  context.store.removeUser(user.id);
  return json({ data: userWire(user, context.store, false) });
};

const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
const ROWS_PER_CHUNK = 500;

/** GET /organizations/users/users_groups_report — JSON or CSV by Accept; CSV is streamed in chunks. */
export const getGroupsReport: Handler = ({ store, headers }) => {
  const accept = String(headers.accept ?? "application/json").toLowerCase();
  const users = store.orderedUsers().slice();
  if (!wantsCsv(accept)) return json({ data: users.map((user) => userWire(user, store, true)) });
  return {
    kind: "stream",
    status: 200,
    contentType: "text/csv; charset=utf-8",
    chunks: function* () {
      let chunk = "id,email,user_status,created_at,last_sign_in_at,groups\n";
      for (let index = 0; index < users.length; index += 1) {
        const user = users[index];
        if (!user) continue;
        // The groups cell is always quoted, as in Telnyx's example ("Engineering, Sales").
        const groups = store
          .groupsOf(user)
          .map((group) => group.name)
          .join(", ");
        const cells = [user.id, user.email, user.userStatus, user.createdAt, user.lastSignInAt ?? ""].map(
          csvCell,
        );
        chunk += `${cells.join(",")},"${groups.replace(/"/g, '""')}"\n`;
        if ((index + 1) % ROWS_PER_CHUNK === 0) {
          yield chunk;
          chunk = "";
        }
      }
      if (chunk) yield chunk;
    },
  };
};

/** text/csv wins only when it is asked for and JSON is not preferred over it. */
function wantsCsv(accept: string): boolean {
  const csvAt = accept.indexOf("text/csv");
  if (csvAt === -1) return false;
  const jsonAt = accept.indexOf("application/json");
  return jsonAt === -1 || csvAt < jsonAt;
}
