import { beforeAll, describe, expect, it } from "vitest";
import { anonymousClient, postCredentials, signIn, type ApiClient } from "../support/api-client";
import { readServerLog } from "../support/server-log";
import { resetSim } from "../support/sim-control";
import { expectError, expectNoUpstreamCall, pickAccount } from "./managed-accounts-fixtures";

// Control and invisible characters in any text field, reasons of invisible characters, query numbers in
// other notations and repeated query parameters: each a 4xx naming the field, before anything is written
// (no audit row, no staff row) and before any call to Telnyx. Each of these answered 500 or was accepted.

let admin: ApiClient;
let accountId: string;

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
  accountId = (await pickAccount((account) => account.status === "enabled")).id;
});

async function auditTotal(action: string): Promise<number> {
  const body = await admin.getJson<{ meta: { totalResults: number } }>(
    `/api/audit?action=${encodeURIComponent(action)}&pageSize=1`,
  );
  return body.meta.totalResults;
}

async function staffCount(): Promise<number> {
  return (await admin.getJson<{ data: unknown[] }>("/api/staff")).data.length;
}

/** Runs `send` and checks that neither Telnyx nor the audit trail saw anything of it. */
async function expectNothingWritten(action: string, send: () => Promise<Response>): Promise<Response> {
  const before = await auditTotal(action);
  const response = await expectNoUpstreamCall(send);
  expect(await auditTotal(action)).toBe(before);
  return response;
}

const badCharacters: [string, string][] = [
  ["NUL", "\u0000"],
  ["ESC", "\u001b[2J"],
  ["a line feed", "\n"],
  ["DEL", "\u007f"],
  ["a C1 control", "\u009b"],
  ["a right-to-left override", "\u202e"],
  ["a first-strong isolate", "\u2068"],
  ["a zero-width space", "\u200b"],
  ["a line separator", "\u2028"],
];

describe("a business name with control or invisible characters", () => {
  for (const [name, character] of badCharacters) {
    it(`refuses ${name} with 422 fields.businessName, writing nothing`, async () => {
      const response = await expectNothingWritten("account.create", () =>
        admin.post("/api/managed-accounts", { businessName: `Acme${character}Corp` }),
      );
      const body = await expectError(response, 422, "validation_failed", "businessName");
      expect(body.error.fields?.businessName).toMatch(/control or invisible/);
    });
  }

  it("still accepts a name in another script (the rule is not ASCII-only)", async () => {
    const response = await admin.post("/api/managed-accounts", {
      businessName: "Ελληνική Εταιρεία 株式会社",
    });
    expect(response.status, await response.clone().text()).toBe(200);
  });
});

describe("a staff member's name and password with control characters", () => {
  const person = (name: string) => ({
    email: `bad-input-${Date.now()}@subdesk.test`,
    name,
    role: "viewer",
    password: "a long enough password",
  });

  for (const [name, character] of badCharacters) {
    it(`POST /api/staff refuses ${name} in the name with 422 fields.name, adding no one`, async () => {
      const before = await staffCount();
      const response = await expectNothingWritten("staff.create", () =>
        admin.post("/api/staff", person(`Ann${character}Lee`)),
      );
      await expectError(response, 422, "validation_failed", "name");
      expect(await staffCount()).toBe(before);
    });
  }

  it("POST /api/staff refuses a NUL in the password with 422 fields.password", async () => {
    const response = await expectNothingWritten("staff.create", () =>
      admin.post("/api/staff", { ...person("Ann Lee"), password: "a long enough\u0000password" }),
    );
    await expectError(response, 422, "validation_failed", "password");
  });

  it("PATCH /api/staff/{id} refuses a NUL in a new password, and a name it does not take", async () => {
    const staff = await admin.getJson<{ data: { id: string; email: string }[] }>("/api/staff");
    const viewer = staff.data.find((entry) => entry.email === "viewer@subdesk.test")!;
    const password = await expectNothingWritten("staff.password.reset", () =>
      admin.patch(`/api/staff/${viewer.id}`, { password: "a long enough\u0000password" }),
    );
    await expectError(password, 422, "validation_failed", "password");
    const name = await admin.patch(`/api/staff/${viewer.id}`, { name: "Vi\u0000ewer" });
    await expectError(name, 422, "validation_failed", "_");
  });
});

describe("reasons", () => {
  const invisible: [string, string][] = [
    ["three zero-width spaces", "\u200b\u200b\u200b"],
    ["ten zero-width spaces", "\u200b".repeat(10)],
    ["two letters and no-break spaces", "a\u00a0\u00a0\u00a0b"],
    ["one letter under combining marks", "e\u0301\u0302\u0303"],
    ["a NUL between letters", "abc\u0000def"],
    ["a bidi override", "refund \u202edetaler"],
  ];
  for (const [name, reason] of invisible) {
    it(`a disable with ${name} is refused with 422 fields.reason, writing nothing`, async () => {
      const response = await expectNothingWritten("account.disable", () =>
        admin.post(`/api/managed-accounts/${accountId}/disable`, { reason }),
      );
      await expectError(response, 422, "validation_failed", "reason");
    });
  }
});

describe("query strings", () => {
  const lists = ["/api/managed-accounts", "/api/org-users", "/api/audit"];
  const numbers: [string, string][] = [
    ["pageSize=1e2", "pageSize"],
    ["pageSize=0x10", "pageSize"],
    ["pageSize=%2B10", "pageSize"],
    ["pageSize=10.0", "pageSize"],
    ["pageSize=%2010", "pageSize"],
    ["page=0b1", "page"],
    ["page=-0", "page"],
  ];
  for (const list of lists) {
    for (const [query, field] of numbers) {
      it(`${list}?${query} is refused with 400 fields.${field}`, async () => {
        const response = await expectNoUpstreamCall(() => admin.get(`${list}?${query}`));
        await expectError(response, 400, "bad_request", field);
      });
    }

    it(`${list}?page=1&page=2 is refused with 400 naming page`, async () => {
      const response = await expectNoUpstreamCall(() => admin.get(`${list}?page=1&page=2`));
      const body = await expectError(response, 400, "bad_request", "page");
      expect(body.error.fields?.page).toMatch(/once/);
    });

    it(`${list}?pageSize=10 (plain digits) is still answered`, async () => {
      const response = await admin.get(`${list}?pageSize=10`);
      expect(response.status).toBe(200);
    });
  }

  const textFilters: [string, string][] = [
    ["/api/managed-accounts?email=abc%00def", "email"],
    ["/api/managed-accounts?org=abc%E2%80%AEdef", "org"],
    ["/api/org-users?email=abc%1Bdef", "email"],
    ["/api/org-users/review?email=abc%C2%9Bdef", "email"],
    ["/api/audit?actor=abc%00def", "actor"],
    ["/api/audit?target=abc%E2%81%A6def", "target"],
    ["/api/audit/export?action=abc%0Adef", "action"],
  ];
  for (const [path, field] of textFilters) {
    it(`${path} is refused with 400 fields.${field}`, async () => {
      const response = await expectNoUpstreamCall(() => admin.get(path));
      await expectError(response, 400, "bad_request", field);
    });
  }
});

describe("the server log", () => {
  // Raw control, C1, line-separator and bidi characters: what a request could use to forge or hide lines.
  const rawUnsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  it("holds no raw control or bidi character after hostile input (sign-in included)", async () => {
    const hostile = `x\u0000\u001b[2J\u0085\u2028\u202e${Date.now()}@subdesk.test`;
    await postCredentials(anonymousClient(), hostile, "wrong password");
    await admin.post("/api/managed-accounts", { businessName: hostile });
    await admin.get(`/api/audit?actor=${encodeURIComponent(hostile)}`);
    const lines = readServerLog().split("\n");
    expect(lines.filter((line) => rawUnsafe.test(line))).toEqual([]);
  });
});
