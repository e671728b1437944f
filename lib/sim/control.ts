import type { IncomingMessage } from "node:http";

import { badRequest, notFound } from "./errors";
import { FAULT_KINDS, type Fault } from "./faults";
import { readJsonObject } from "./body";
import { rateLimitControl } from "./rate-limit";
import { addControlUser } from "./control-users";
import { advanceClock, clockState, setAccountBalance } from "./control-balances";
import { OPERATION_IDS } from "./router";
import { json, type SimResult } from "./route-types";
import { userWire } from "./routes-org-users";
import { zeroCounts, type SimRuntime } from "./runtime";

// The /__sim control surface for tests and demos: no auth, JSON in and out. Off unless enabled.

function integerField(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    throw badRequest(`${field} must be an integer between ${min} and ${max}.`, { pointer: `/${field}` });
  }
  return value;
}

function parseQueryMatch(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  const isStringMap =
    typeof raw === "object" &&
    raw !== null &&
    !Array.isArray(raw) &&
    Object.values(raw).every((value) => typeof value === "string");
  if (!isStringMap)
    throw badRequest("query must be an object of query parameters to string values.", { pointer: "/query" });
  return { ...(raw as Record<string, string>) };
}

function parseFault(body: Record<string, unknown>): Fault {
  const operation =
    OPERATION_IDS.find((id) => id === body.operation) ?? (body.operation === "*" ? "*" : undefined);
  if (!operation)
    throw badRequest(`operation must be "*" or one of: ${OPERATION_IDS.join(", ")}.`, {
      pointer: "/operation",
    });
  const kind = FAULT_KINDS.find((candidate) => candidate === body.kind);
  if (!kind) throw badRequest(`kind must be one of: ${FAULT_KINDS.join(", ")}.`, { pointer: "/kind" });
  const fault: Fault = { operation, kind, times: integerField(body, "times", 1, 1_000_000) ?? 1 };
  const ms = integerField(body, "ms", 0, 600_000);
  const retryAfter = integerField(body, "retryAfter", 0, 86_400);
  const status = integerField(body, "status", 400, 599);
  if (kind === "latency") fault.ms = ms ?? 1000;
  if (kind === "rate_limit" && retryAfter !== undefined) fault.retryAfter = retryAfter;
  if (kind === "server_error") fault.status = status ?? 500;
  const query = parseQueryMatch(body.query);
  if (query) fault.query = query;
  return fault;
}

function accountState(runtime: SimRuntime, id: string) {
  const account = runtime.store.getAccount(id);
  if (!account) return undefined;
  return {
    id: account.id,
    email: account.email,
    organization_name: account.organizationName,
    status: account.status,
    channel_limit: account.channelLimit,
    managed_account_allow_custom_pricing: account.allowCustomPricing,
    rollup_billing: account.rollupBilling,
    has_password: account.hasPassword,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
  };
}

export async function handleControl(
  req: IncomingMessage,
  path: string,
  runtime: SimRuntime,
): Promise<SimResult> {
  const method = req.method ?? "GET";
  const { store } = runtime;
  const readBody = async () => (await readJsonObject(req)) ?? {};
  if (method === "POST" && path === "/reset") {
    const body = await readBody();
    runtime.reset({
      seed: integerField(body, "seed", 0, 0xffffffff) ?? runtime.sizes.seed,
      accounts: integerField(body, "accounts", 0, 100_000) ?? runtime.sizes.accounts,
      users: integerField(body, "users", 1, 200_000) ?? runtime.sizes.users,
    });
    return json({ data: runtime.sizes });
  }
  // Counts answer bare ({ ListManagedAccounts: 3, ... }): the shape tests/support/sim-control.ts reads.
  if (method === "GET" && path === "/requests") return json(runtime.counts);
  if (method === "POST" && path === "/requests/reset") {
    runtime.counts = zeroCounts();
    return json(runtime.counts);
  }
  if (path === "/rate-limit") {
    const setting = rateLimitControl(
      method,
      method === "POST" ? await readBody() : undefined,
      runtime.rateLimit,
    );
    if (setting) return json({ data: setting });
  }
  if (path === "/faults") {
    if (method === "GET") return json({ data: runtime.faults.list() });
    if (method === "DELETE") {
      const only = new URL(req.url ?? "/", "http://simulator.invalid").searchParams.get("operation");
      const operation = OPERATION_IDS.find((id) => id === only) ?? (only === "*" ? "*" : undefined);
      if (only !== null && !operation) throw badRequest("operation names no known operation.");
      runtime.faults.clear(operation);
      return json({ data: runtime.faults.list() });
    }
    if (method === "POST") {
      runtime.faults.add(parseFault(await readBody()));
      return json({ data: runtime.faults.list() });
    }
  }
  if (path === "/clock" && method === "GET") return json({ data: clockState(store) });
  if (path === "/clock" && method === "POST") return json({ data: advanceClock(store, await readBody()) });
  const balanceMatch = /^\/accounts\/([^/]+)\/balance$/.exec(path);
  if (method === "POST" && balanceMatch) {
    return json({ data: setAccountBalance(store, balanceMatch[1] ?? "", await readBody()) });
  }
  if (method === "GET" && path === "/state/accounts") {
    return json({ data: [...store.allAccounts()].map((account) => accountState(runtime, account.id)) });
  }
  const accountMatch = /^\/state\/accounts\/([^/]+)$/.exec(path);
  if (method === "GET" && accountMatch) {
    const state = accountState(runtime, accountMatch[1] ?? "");
    if (!state) throw notFound();
    return json({ data: state });
  }
  if (method === "GET" && path === "/state/pool") {
    return json({
      data: { allocatable: store.manager.allocatableChannels, allocated: store.allocatedChannels },
    });
  }
  if (method === "POST" && path === "/users") {
    const user = addControlUser(store, await readBody());
    return json({ data: userWire(user, store, true) }, 201);
  }
  if (method === "GET" && path === "/state/users") {
    const data = store.orderedUsers().map((user) => ({
      id: user.id,
      email: user.email,
      record_type: user.recordType,
      user_status: user.userStatus,
      created_at: user.createdAt,
      last_sign_in_at: user.lastSignInAt,
      organization_user_bypasses_sso: user.bypassesSso,
      groups: store.groupsOf(user).map((group) => group.name),
    }));
    return json({ data });
  }
  throw notFound();
}
