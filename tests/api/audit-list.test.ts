import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { anonymousClient, signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { auditEvents, createPerson, type NewPerson } from "../support/staff";

// GET /api/audit and /api/audit/{id}: filters, pagination and every field, against rows this file makes
// (three staff created, one of them changed twice, one refused change), so the expected values are known.

let admin: ApiClient;
let people: NewPerson[];
let changed: NewPerson;

interface ListBody {
  data: AuditEventDto[];
  meta: { page: number; pageSize: number; totalPages: number; totalResults: number };
}

async function list(query: Record<string, string>): Promise<ListBody> {
  return admin.getJson<ListBody>(`/api/audit?${new URLSearchParams(query)}`);
}

beforeAll(async () => {
  admin = await signIn("admin");
  people = [];
  for (const role of ["viewer", "support", "viewer"] as const)
    people.push(await createPerson(admin, role, "audit"));
  changed = people[0]!;
  await admin.patch(`/api/staff/${changed.id}`, { role: "support" });
  await admin.patch(`/api/staff/${changed.id}`, { status: "disabled" });
});

describe("GET /api/audit", () => {
  it("answers every field in camelCase, newest first", async () => {
    const { data } = await list({ target: changed.id });
    expect(data.map((row) => row.action)).toEqual(["staff.disable", "staff.role.update", "staff.create"]);
    const [row] = data;
    expect(Object.keys(row!).sort()).toEqual(
      [
        "action",
        "actor",
        "actorEmail",
        "actorRole",
        "clientIp",
        "completedAt",
        "errorCode",
        "id",
        "occurredAt",
        "outcome",
        "reason",
        "requestId",
        "requestSummary",
        "target",
        "targetId",
        "targetLabel",
        "upstreamStatus",
        "userAgent",
      ].sort(),
    );
    expect(row).toMatchObject({
      actor: { email: staffEmail("admin"), role: "admin", id: expect.any(String) },
      target: { type: "staff", id: changed.id, label: changed.email },
      outcome: "success",
      requestId: expect.any(String),
    });
    expect(Date.parse(row!.occurredAt)).toBeLessThanOrEqual(Date.parse(row!.completedAt!));
    expect(Date.parse(data[0]!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(data[1]!.occurredAt));
  });

  it("filters by actor email (part of it), action (exact and family) and target label", async () => {
    const created = await list({ action: "staff.create", target: "audit-", pageSize: "250" });
    for (const person of people) expect(created.data.map((row) => row.target.label)).toContain(person.email);
    expect(created.data.every((row) => row.action === "staff.create")).toBe(true);

    const family = await list({ action: "staff.*", target: changed.email });
    expect(family.data.map((row) => row.action).sort()).toEqual([
      "staff.create",
      "staff.disable",
      "staff.role.update",
    ]);

    const byActor = await list({ actor: "ADMIN@subdesk", target: changed.id });
    expect(byActor.meta.totalResults).toBe(3);
    const byOtherActor = await list({ actor: staffEmail("viewer"), target: changed.id });
    expect(byOtherActor.meta.totalResults).toBe(0);
  });

  it("filters by time range: from is inclusive, to exclusive", async () => {
    const [disable] = (await list({ action: "staff.disable", target: changed.id })).data;
    const at = Date.parse(disable!.occurredAt);
    const iso = (ms: number) => new Date(ms).toISOString();
    const within = await list({ target: changed.id, from: iso(at), to: iso(at + 1) });
    expect(within.data.map((row) => row.id)).toEqual([disable!.id]);
    const after = await list({ target: changed.id, from: iso(at + 1) });
    expect(after.data.map((row) => row.id)).not.toContain(disable!.id);
    const before = await list({ target: changed.id, to: iso(at) });
    expect(before.data.map((row) => row.action)).toEqual(["staff.role.update", "staff.create"]);
    // A datetime-local value without a zone is read as UTC.
    const local = iso(at - 60_000).slice(0, 16);
    const sinceLocal = await list({ target: changed.id, from: local });
    expect(sinceLocal.data.map((row) => row.id)).toContain(disable!.id);
  });

  it("filters by outcome", async () => {
    const adminId = (await list({ action: "staff.create", pageSize: "1" })).data[0]!.actor!.id!;
    await admin.patch(`/api/staff/${adminId}`, { role: "viewer" });
    const failures = await list({ target: adminId, action: "staff.role.update", outcome: "failure" });
    expect(failures.data.length).toBeGreaterThanOrEqual(1);
    expect(failures.data.every((row) => row.outcome === "failure" && row.errorCode === "conflict")).toBe(
      true,
    );
    const successes = await list({ target: adminId, action: "staff.role.update", outcome: "success" });
    expect(successes.meta.totalResults).toBe(0);
  });

  it("pages through a filtered set without gaps or repeats", async () => {
    const all = await list({ action: "staff.create", pageSize: "250" });
    expect(all.meta.totalResults).toBeGreaterThanOrEqual(3);
    const pageSize = 2;
    const seen: string[] = [];
    const pages = Math.ceil(all.meta.totalResults / pageSize);
    for (let page = 1; page <= Math.min(pages, 4); page += 1) {
      const answer = await list({ action: "staff.create", pageSize: String(pageSize), page: String(page) });
      expect(answer.meta).toEqual({ page, pageSize, totalPages: pages, totalResults: all.meta.totalResults });
      seen.push(...answer.data.map((row) => row.id));
    }
    expect(seen).toEqual(all.data.slice(0, seen.length).map((row) => row.id));
    const beyond = await list({
      action: "staff.create",
      pageSize: String(pageSize),
      page: String(pages + 1),
    });
    expect(beyond.data).toEqual([]);
  });

  it("answers 400 with field messages for bad filters", async () => {
    for (const query of [
      "page=0",
      "pageSize=1000",
      "from=yesterday",
      "to=2025-13-45T99:00",
      "outcome=maybe",
      "from=2025-02-01T00:00Z&to=2025-01-01T00:00Z",
    ]) {
      const response = await admin.get(`/api/audit?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe("bad_request");
      expect(Object.keys(body.error.fields).length, query).toBeGreaterThan(0);
    }
  });

  it("every role may read it; without a session it is 401", async () => {
    for (const role of ["support", "viewer"] as const) {
      const client = await signIn(role);
      const rows = await auditEvents(client, { target: changed.id });
      expect(rows.length, role).toBe(3);
    }
    expect((await anonymousClient().get("/api/audit")).status).toBe(401);
  });
});

describe("GET /api/audit/{id}", () => {
  it("answers one row with the same fields as the list", async () => {
    const [row] = (await list({ action: "staff.role.update", target: changed.id })).data;
    const one = await admin.getJson<{ data: AuditEventDto }>(`/api/audit/${row!.id}`);
    expect(one.data).toEqual(row);
    expect(one.data.requestSummary).toEqual({ role: "support", previousRole: "viewer" });
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await admin.get(`/api/audit/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await admin.get("/api/audit/not-an-id")).status).toBe(400);
  });
});
