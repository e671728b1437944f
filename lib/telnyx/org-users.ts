import "server-only";
import type { ListResult } from "@/lib/schemas/common";
import type { OrgUser, OrgUserListQuery } from "@/lib/schemas/org-users";
import { callTelnyx, streamTelnyx } from "./client";
import { toListMeta, toOrgUser } from "./dto";
import { incompleteAnswer } from "./errors";

const repeatable = (operation: string) => ({ operation, isRetryable: true });

export async function listOrgUsers(query: OrgUserListQuery): Promise<ListResult<OrgUser>> {
  const page = await callTelnyx(repeatable("ListOrganizationUsers"), (client, options) =>
    client.organizations.users.list(
      {
        "page[number]": query.page,
        "page[size]": query.pageSize,
        ...(query.email ? { "filter[email]": query.email } : {}),
        ...(query.status ? { "filter[user_status]": query.status } : {}),
        ...(query.includeGroups ? { include_groups: true } : {}),
      },
      options,
    ),
  );
  return { data: page.data.map(toOrgUser), meta: toListMeta(page.meta, query) };
}

/** One user with their groups (the detail page always shows them). */
export async function getOrgUser(id: string): Promise<OrgUser> {
  const answer = await callTelnyx(repeatable("GetOrganizationUser"), (client, options) =>
    client.organizations.users.retrieve(id, { include_groups: true }, options),
  );
  if (!answer.data) throw incompleteAnswer("GetOrganizationUser");
  return toOrgUser(answer.data);
}

/** Irreversible, so never repeated: a retry after a lost answer would only report a confusing 404. */
export async function removeOrgUser(id: string): Promise<OrgUser> {
  const answer = await callTelnyx(
    { operation: "DeleteOrganizationUser", isRetryable: false },
    (client, options) => client.organizations.users.actions.remove(id, { ...options, maxRetries: 0 }),
  );
  if (!answer.data) throw incompleteAnswer("DeleteOrganizationUser");
  return toOrgUser(answer.data);
}

/** Every user with their groups, in one answer (Telnyx does not page this report). */
export async function getGroupsReportJson(): Promise<OrgUser[]> {
  const answer = await callTelnyx(repeatable("GetOrganizationUsersGroupsReport"), (client, options) =>
    client.organizations.users.getGroupsReport({ Accept: "application/json" }, options),
  );
  return (answer.data ?? []).map(toOrgUser);
}

/**
 * The CSV report as Telnyx sends it, passed through chunk by chunk: a large organization's report is never
 * held in memory. The SDK would resolve it to one string, hence the raw Response.
 */
export async function streamGroupsReportCsv(): Promise<ReadableStream<Uint8Array>> {
  return streamTelnyx(repeatable("GetOrganizationUsersGroupsReport"), (client, options) =>
    client.organizations.users.getGroupsReport({ Accept: "text/csv" }, options).asResponse(),
  );
}
