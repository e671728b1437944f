import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient, type RequestOptions } from "../support/api-client";
import { baseUrl } from "../support/env";
import { simUsers } from "../support/org-users";
import { apiRouteKeys } from "../support/route-files";
import { expectEnvelope, expectSimUntouched, simAccountStates } from "../support/security";
import { resetSim } from "../support/sim-control";

// Every mutation route, as an admin (so the permission passes) with a body that would be accepted: only
// the same-origin and content-type checks stand between these requests and Telnyx. Each refusal must
// leave every simulator counter where it was.

const mutationKeys = apiRouteKeys().filter((key) => !/^(GET|HEAD|OPTIONS) /.test(key));
const reason = "security test: must never reach Telnyx";

let admin: ApiClient;
let accountId: string;
let user: { id: string; email: string };

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
  accountId = (await simAccountStates()).find((account) => account.status === "enabled")!.id;
  user = (await simUsers()).find((candidate) => candidate.record_type === "organization_sub_user")!;
});

/** A URL and a body the route would act on if nothing stopped it. */
function validRequest(key: string): { path: string; body: unknown } {
  const [, path = ""] = key.split(" ");
  const id = path.startsWith("/api/org-users/")
    ? user.id
    : path.startsWith("/api/managed-accounts/")
      ? accountId
      : randomUUID();
  const bodies: Record<string, unknown> = {
    "POST /api/managed-accounts": { businessName: `Cross Site ${randomUUID()}` },
    "PATCH /api/managed-accounts/[id]": { allowCustomPricing: true, reason },
    "POST /api/managed-accounts/[id]/disable": { reason },
    "POST /api/managed-accounts/[id]/enable": { reason },
    "PUT /api/managed-accounts/[id]/channel-limit": { channelLimit: 0, reason },
    "POST /api/org-users/[id]/remove": { reason, confirmEmail: user.email },
    "POST /api/staff": {
      email: `csrf-${randomUUID()}@subdesk.test`,
      name: "Cross Site",
      role: "admin",
      password: `pw-${randomUUID()}`,
    },
    "PATCH /api/staff/[id]": { role: "admin" },
    "POST /api/access-reviews": { name: "Cross site review", dueDate: "2030-01-01" },
    "POST /api/access-reviews/[id]/decisions": { itemIds: [user.id], decision: "keep", reason },
  };
  return { path: path.replace("[id]", id), body: bodies[key] ?? {} };
}

const refusals: { name: string; status: number; code: string; options: (body: unknown) => RequestOptions }[] =
  [
    {
      name: "Sec-Fetch-Site: cross-site (even with our own Origin)",
      status: 403,
      code: "forbidden",
      options: (json) => ({ json, headers: { "Sec-Fetch-Site": "cross-site" } }),
    },
    {
      name: "Sec-Fetch-Site: same-site (a sibling subdomain)",
      status: 403,
      code: "forbidden",
      options: (json) => ({ json, headers: { "Sec-Fetch-Site": "same-site" } }),
    },
    {
      name: "a foreign Origin and no Sec-Fetch-Site",
      status: 403,
      code: "forbidden",
      options: (json) => ({ json, origin: "https://evil.example" }),
    },
    {
      name: "an Origin that only starts like ours",
      status: 403,
      code: "forbidden",
      options: (json) => ({ json, origin: `${baseUrl()}.evil.example` }),
    },
    {
      name: "no Origin and no Sec-Fetch-Site",
      status: 403,
      code: "forbidden",
      options: (json) => ({ json, origin: null }),
    },
    {
      name: "a text/plain body carrying valid JSON (same origin)",
      status: 415,
      code: "unsupported_media_type",
      options: (json) => ({
        body: JSON.stringify(json),
        headers: { "Content-Type": "text/plain;charset=UTF-8", "Sec-Fetch-Site": "same-origin" },
      }),
    },
    {
      name: "a form-encoded body (same origin)",
      status: 415,
      code: "unsupported_media_type",
      options: () => ({
        body: "reason=x",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    },
  ];

it("finds the mutation routes", () => {
  expect(mutationKeys).toContain("POST /api/managed-accounts/[id]/disable");
  expect(mutationKeys.length).toBeGreaterThanOrEqual(6);
});

describe.each(mutationKeys)("%s", (key) => {
  it.each(refusals)("refuses $name with $status and calls nobody upstream", async (refusal) => {
    const [method = ""] = key.split(" ");
    const { path, body } = validRequest(key);
    const response = await expectSimUntouched(() => admin.request(method, path, refusal.options(body)));
    await expectEnvelope(response, refusal.status, refusal.code);
  });
});

describe("the same request from the console itself", () => {
  it("goes through (so the refusals above are about the headers, not the request)", async () => {
    const { path, body } = validRequest("PUT /api/managed-accounts/[id]/channel-limit");
    const response = await admin.put(
      path,
      { ...(body as object), channelLimit: 3 },
      {
        headers: { "Sec-Fetch-Site": "same-origin" },
      },
    );
    expect(response.status, await response.clone().text()).toBe(200);
  });
});
