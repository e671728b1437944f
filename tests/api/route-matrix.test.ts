import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { routePermissions } from "@/lib/api/route-permissions";
import { can, type Permission } from "@/lib/auth/permissions";
import { anonymousClient, signIn, type ApiClient } from "../support/api-client";
import { ROLES, type Role } from "../support/env";
import { simUsers } from "../support/org-users";
import { apiRouteFiles, apiRouteKeys } from "../support/route-files";
import { expectSimUntouched, getJson, simAccountStates } from "../support/security";
import { resetSim } from "../support/sim-control";

// Generated from the files under app/api and the one permission matrix in lib/auth: adding a route or a
// method adds its cases here, and a route missing from lib/api/route-permissions.ts fails the first test.

const table = routePermissions as Record<string, Permission | null>;
const fileKeys = apiRouteKeys();
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

interface Case {
  key: string;
  method: string;
  path: string;
  permission: Permission | null;
}
const cases: Case[] = fileKeys.map((key) => {
  const [method = "", path = ""] = key.split(" ");
  return { key, method, path, permission: table[key] ?? null };
});
const isKnown = (key: string) => Object.hasOwn(table, key);

// A GET on one object needs an object that exists to answer 2xx; each comes from where it lives.
const sampleIdFor: Record<string, (admin: ApiClient) => Promise<string>> = {
  "/api/managed-accounts/[id]": async () => (await simAccountStates())[0]!.id,
  "/api/org-users/[id]": async () => (await simUsers())[0]!.id,
  "/api/audit/[id]": async (admin) =>
    (await getJson<{ data: { id: string }[] }>(admin, "/api/audit?pageSize=1")).data[0]!.id,
  // A one-item job that sets the value the account already has, waited for so it calls no one later.
  "/api/jobs/[id]": async (admin) => {
    const account = (await simAccountStates())[0]!;
    const created = await admin.post("/api/jobs", {
      action: "account.pricing",
      target: { ids: [account.id] },
      params: { allowCustomPricing: account.managed_account_allow_custom_pricing },
      reason: "route matrix sample",
    });
    const { id } = ((await created.json()) as { data: { id: string } }).data;
    // Cancelled at once, it ends without waiting for the rate budget (an earlier test's Retry-After may hold
    // bulk work back for a while).
    await (await admin.post(`/api/jobs/${id}/cancel`)).body?.cancel();
    for (let tries = 0; tries < 450; tries++) {
      const { data } = await getJson<{ data: { status: string } }>(admin, `/api/jobs/${id}`);
      if (!["queued", "running"].includes(data.status)) return id;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("The sample job did not end.");
  },
  // A campaign of the people flagged now (the start reads the simulator's groups report).
  "/api/access-reviews/[id]": async (admin) => {
    const created = await admin.post("/api/access-reviews", { name: "Route matrix", dueDate: "2030-01-01" });
    return ((await created.json()) as { data: { id: string } }).data.id;
  },
};

const clients = {} as Record<Role, ApiClient>;
const resolvedIds = new Map<string, string>();

beforeAll(async () => {
  await resetSim();
  for (const role of ROLES) clients[role] = await signIn(role);
  // Made up front: the sample job calls the simulator, which a 401 case must not see.
  resolvedIds.set("/api/jobs/[id]", await sampleIdFor["/api/jobs/[id]"]!(clients.admin));
  const review = "/api/access-reviews/[id]";
  resolvedIds.set(review, await sampleIdFor[review]!(clients.admin));
});

/** The URL for one case: GETs get a real object, mutations a random valid UUID (nothing to change). */
async function urlFor(entry: Case): Promise<string> {
  const match = /^(.*?\[id\])/.exec(entry.path);
  if (!match) return entry.path;
  const prefix = match[1]!;
  let id: string = randomUUID();
  if (SAFE.has(entry.method)) {
    const resolve = sampleIdFor[prefix];
    if (!resolve) throw new Error(`Add a sample id for ${prefix} to route-matrix.test.ts`);
    if (!resolvedIds.has(prefix)) resolvedIds.set(prefix, await resolve(clients.admin));
    id = resolvedIds.get(prefix)!;
  }
  return entry.path.replace(prefix, prefix.replace("[id]", id));
}

// Valid JSON that no object schema accepts: an allowed role gets 400/422 and nothing changes.
const send = (client: ApiClient, method: string, url: string) =>
  SAFE.has(method) ? client.request(method, url) : client.request(method, url, { json: "not an object" });

describe("the route table and app/api agree", () => {
  it("finds route files with methods (the walk itself works)", () => {
    expect(apiRouteFiles().length).toBeGreaterThan(5);
    expect(fileKeys).toContain("GET /api/managed-accounts");
    expect(fileKeys).toContain("POST /api/managed-accounts/[id]/disable");
  });

  it("lists every exported method of every route file in lib/api/route-permissions.ts", () => {
    expect(fileKeys.filter((key) => !isKnown(key))).toEqual([]);
  });

  it("has a route file exporting the method for every key in lib/api/route-permissions.ts", () => {
    expect(Object.keys(table).filter((key) => !fileKeys.includes(key))).toEqual([]);
  });
});

describe.each(cases.filter((entry) => isKnown(entry.key)))("$key", (entry) => {
  if (entry.key === "GET /api/metrics") {
    // No session opens it, an admin's neither: only the scraper's bearer token (tests/api/metrics.test.ts).
    it.each(["anonymous", ...ROLES] as const)("%s without the metrics token: 401", async (who) => {
      const client = who === "anonymous" ? anonymousClient() : clients[who];
      expect((await send(client, entry.method, entry.path)).status).toBe(401);
    });
    return;
  }
  if (entry.permission === null) {
    it("is public: answers 2xx without a session", async () => {
      const response = await send(anonymousClient(), entry.method, await urlFor(entry));
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
    });
    return;
  }
  const permission = entry.permission;

  it("answers 401 without a session", async () => {
    const response = await expectSimUntouched(async () =>
      send(anonymousClient(), entry.method, await urlFor(entry)),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });

  it.each(ROLES.map((role) => ({ role, allowed: can(role, permission) })))(
    `$role: allowed=$allowed by ${permission}`,
    async ({ role, allowed }) => {
      const url = await urlFor(entry);
      const run = () => send(clients[role], entry.method, url);
      // Only an allowed GET may reach Telnyx; refusals and bad bodies stop before it.
      const response = allowed && SAFE.has(entry.method) ? await run() : await expectSimUntouched(run);
      const detail = `${role} ${entry.method} ${url} → ${response.status}`;
      // Read to the end: a streamed export left unread goes on fetching its next page from Telnyx in the
      // background, and that request would land in the next case's simulator counters.
      await response.arrayBuffer().catch(() => undefined);
      if (!allowed) expect(response.status, detail).toBe(403);
      else if (SAFE.has(entry.method)) expect(response.status, detail).toBeGreaterThanOrEqual(200);
      if (allowed && SAFE.has(entry.method)) expect(response.status, detail).toBeLessThan(300);
      // A DELETE has no body to refuse: its random id is simply not found. Neither is a random job's
      // (cancel and retry-failed take no body; the job's action decides the permission).
      // Nor is a random access review's (remove and close take no body either).
      const noBody =
        entry.path.startsWith("/api/jobs/[id]/") ||
        /^\/api\/access-reviews\/\[id\]\/(remove|close)$/.test(entry.path) ||
        entry.path === "/api/alerts/[id]/acknowledge";
      const refusals = entry.method === "DELETE" || noBody ? [404] : [400, 422];
      if (allowed && !SAFE.has(entry.method)) expect(refusals, detail).toContain(response.status);
    },
  );
});
