import {
  createManagedAccount,
  disableManagedAccount,
  enableManagedAccount,
  updateGlobalChannelLimit,
  updateManagedAccount,
} from "./routes-account-mutations";
import {
  listAllocatableChannels,
  listManagedAccounts,
  retrieveManagedAccount,
} from "./routes-managed-accounts";
import {
  getGroupsReport,
  getOrganizationUser,
  listOrganizationUsers,
  removeOrganizationUser,
} from "./routes-org-users";
import type { Handler } from "./route-types";

/** The spec's operationIds: the names request counters and faults use. */
export const OPERATION_IDS = [
  "ListManagedAccounts",
  "CreateManagedAccount",
  "ListAllocatableGlobalOutboundChannels",
  "RetrieveManagedAccount",
  "UpdateManagedAccount",
  "DisableManagedAccount",
  "EnableManagedAccount",
  "UpdateManagedAccountGlobalChannelLimit",
  "ListOrganizationUsers",
  "GetOrganizationUsersGroupsReport",
  "GetOrganizationUser",
  "DeleteOrganizationUser",
] as const;

export type OperationId = (typeof OPERATION_IDS)[number];

interface Route {
  method: string;
  pattern: RegExp;
  operationId: OperationId;
  handler: Handler;
}

const ID = "([^/]+)";
// Order matters: the fixed segments come before the {id} patterns they would otherwise match.
const routes: Route[] = [
  {
    method: "GET",
    pattern: /^\/managed_accounts$/,
    operationId: "ListManagedAccounts",
    handler: listManagedAccounts,
  },
  {
    method: "POST",
    pattern: /^\/managed_accounts$/,
    operationId: "CreateManagedAccount",
    handler: createManagedAccount,
  },
  {
    method: "GET",
    pattern: /^\/managed_accounts\/allocatable_global_outbound_channels$/,
    operationId: "ListAllocatableGlobalOutboundChannels",
    handler: listAllocatableChannels,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/managed_accounts/${ID}$`),
    operationId: "RetrieveManagedAccount",
    handler: retrieveManagedAccount,
  },
  {
    method: "PATCH",
    pattern: new RegExp(`^/managed_accounts/${ID}$`),
    operationId: "UpdateManagedAccount",
    handler: updateManagedAccount,
  },
  {
    method: "POST",
    pattern: new RegExp(`^/managed_accounts/${ID}/actions/disable$`),
    operationId: "DisableManagedAccount",
    handler: disableManagedAccount,
  },
  {
    method: "POST",
    pattern: new RegExp(`^/managed_accounts/${ID}/actions/enable$`),
    operationId: "EnableManagedAccount",
    handler: enableManagedAccount,
  },
  {
    method: "PATCH",
    pattern: new RegExp(`^/managed_accounts/${ID}/update_global_channel_limit$`),
    operationId: "UpdateManagedAccountGlobalChannelLimit",
    handler: updateGlobalChannelLimit,
  },
  {
    method: "GET",
    pattern: /^\/organizations\/users$/,
    operationId: "ListOrganizationUsers",
    handler: listOrganizationUsers,
  },
  {
    method: "GET",
    pattern: /^\/organizations\/users\/users_groups_report$/,
    operationId: "GetOrganizationUsersGroupsReport",
    handler: getGroupsReport,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/organizations/users/${ID}$`),
    operationId: "GetOrganizationUser",
    handler: getOrganizationUser,
  },
  {
    method: "POST",
    pattern: new RegExp(`^/organizations/users/${ID}/actions/remove$`),
    operationId: "DeleteOrganizationUser",
    handler: removeOrganizationUser,
  },
];

export interface RouteMatch {
  operationId: OperationId;
  handler: Handler;
  id: string;
}

/** Matches a path below /v2 (without the prefix). Wrong method or unknown path: null, answered as 404. */
export function matchRoute(method: string, path: string): RouteMatch | null {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(trimmed);
    if (!match) continue;
    let id = match[1] ?? "";
    try {
      id = decodeURIComponent(id);
    } catch {
      // A broken %-escape cannot name anything; leave it raw so the id check refuses it.
    }
    return { operationId: route.operationId, handler: route.handler, id };
  }
  return null;
}
