import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { readServerLog } from "../support/server-log";
import { requestCounts, resetRequestCounts, resetSim } from "../support/sim-control";
import { auditRowsOf, expectError, expectNoUpstreamCall, simAccounts } from "./managed-accounts-fixtures";

// Create shows the new account's API key exactly once, and a double submit makes one account.
interface Created {
  data: { id: string; email: string; organizationName: string; apiKey?: string };
  replayed?: boolean;
}

let admin: ApiClient;
let createdForm: (ReturnType<typeof uniqueForm> & { apiKey: string; requestId: string | null }) | undefined;

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
});

function uniqueForm() {
  const tag = randomUUID().slice(0, 8);
  return {
    businessName: `Harbor Lights ${tag}`,
    email: `ops-${tag}@harbor-lights.example.com`,
    password: `pw-${randomUUID()}`,
    allowCustomPricing: true,
    rollupBilling: false,
  };
}

const create = (form: object, key?: string) =>
  admin.post("/api/managed-accounts", form, key ? { headers: { "Idempotency-Key": key } } : undefined);

describe("POST /api/managed-accounts", () => {
  it("creates the account and shows its key once; no later answer, audit row or log line has it", async () => {
    const form = uniqueForm();
    await resetRequestCounts();
    const response = await create(form, randomUUID());
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const created = JSON.parse(text) as Created;
    expect(created.data).toMatchObject({
      email: form.email,
      organizationName: form.businessName,
      apiKey: expect.stringMatching(/\S{16,}/),
    });
    expect(created.replayed).toBeUndefined();
    expect((await requestCounts()).CreateManagedAccount).toBe(1);
    const inSim = (await simAccounts()).filter((account) => account.email === form.email);
    expect(inSim.map((account) => account.id)).toEqual([created.data.id]);

    const apiKey = created.data.apiKey!;
    const later = [
      `/api/managed-accounts/${created.data.id}`,
      `/api/managed-accounts?email=${encodeURIComponent(form.email)}&emailMatch=eq`,
      "/api/managed-accounts?pageSize=250",
      "/api/managed-accounts?status=enabled&pageSize=250",
    ];
    for (const path of later) {
      const answer = await admin.get(path);
      const raw = await answer.text();
      expect(answer.status, `${path}: ${raw}`).toBe(200);
      expect(raw).not.toContain(apiKey);
      expect(raw).not.toContain(form.password);
    }
    const detail = (await (await admin.get(`/api/managed-accounts/${created.data.id}`)).json()) as Created;
    expect(detail.data.id).toBe(created.data.id);
    expect(detail.data).not.toHaveProperty("apiKey");

    const log = readServerLog();
    expect(log).not.toContain(apiKey);
    expect(log).not.toContain(form.password);
    createdForm = { ...form, apiKey, requestId: response.headers.get("x-request-id") };
  });

  // Read through GET /api/audit; its own test so a missing audit API is named as such.
  it("the create is in the audit trail, without the key or the password", async () => {
    const form = createdForm!;
    const answer = await admin.get("/api/audit?action=account.create&pageSize=100");
    const raw = await answer.text();
    expect(answer.status, raw.slice(0, 200)).toBe(200);
    expect(raw).not.toContain(form.apiKey);
    expect(raw).not.toContain(form.password);
    const rows = await auditRowsOf(admin, { action: "account.create", target: form.email }, [form.requestId]);
    expect(rows[0]).toMatchObject({ actorEmail: staffEmail("admin"), outcome: "success" });
    expect(rows[0]!.requestSummary).toMatchObject({
      businessName: form.businessName,
      email: form.email,
      allowCustomPricing: true,
      rollupBilling: false,
    });
  });

  it("a double submit with one Idempotency-Key creates exactly one account", async () => {
    const form = uniqueForm();
    const key = randomUUID();
    await resetRequestCounts();
    const answers = await Promise.all([create(form, key), create(form, key)]);
    const bodies = await Promise.all(
      answers.map(async (answer) => {
        expect(answer.status).toBe(200);
        return (await answer.json()) as Created;
      }),
    );
    expect((await requestCounts()).CreateManagedAccount).toBe(1);
    expect(new Set(bodies.map((body) => body.data.id)).size).toBe(1);
    // The first answer carries the key; the repeat says it is a replay and carries none.
    expect(bodies.filter((body) => body.data.apiKey).length).toBe(1);
    expect(bodies.filter((body) => body.replayed === true && !("apiKey" in body.data)).length).toBe(1);

    const third = (await (await create(form, key)).json()) as Created;
    expect(third).toMatchObject({ replayed: true, data: { id: bodies[0]!.data.id } });
    expect((await requestCounts()).CreateManagedAccount).toBe(1);
    expect((await simAccounts()).filter((account) => account.email === form.email)).toHaveLength(1);
  });

  it("refuses the same key with a different form (409) without calling Telnyx", async () => {
    const key = randomUUID();
    expect((await create(uniqueForm(), key)).status).toBe(200);
    const response = await expectNoUpstreamCall(() => create(uniqueForm(), key));
    await expectError(response, 409, "conflict");
  });

  it("without a key, two submissions are two accounts (the key is what makes a repeat safe)", async () => {
    await resetRequestCounts();
    const first = await create(uniqueForm());
    const second = await create(uniqueForm());
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await requestCounts()).CreateManagedAccount).toBe(2);
  });

  it("maps Telnyx's 422 (an email already taken) onto fields.email", async () => {
    const taken = (await simAccounts())[0]!.email;
    const response = await create({ businessName: "Duplicate Mail Co", email: taken }, randomUUID());
    await expectError(response, 422, "validation_failed", "email");
  });
});
