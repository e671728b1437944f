import { beforeAll, describe, expect, it } from "vitest";
import type { StaffDto } from "@/lib/schemas/staff";
import { signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { auditEvents, createPerson, strongPassword, uniqueEmail, unknownId } from "../support/staff";

// /api/staff as an admin: list, create, one change per PATCH, each with its audit row, and the rules that
// keep an admin from locking themselves out.

let admin: ApiClient;
let adminId: string;

async function listStaff(): Promise<StaffDto[]> {
  return (await admin.getJson<{ data: StaffDto[] }>("/api/staff")).data;
}

async function patchStaff(id: string, body: unknown) {
  const response = await admin.patch(`/api/staff/${id}`, body);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  admin = await signIn("admin");
  adminId = (await listStaff()).find((person) => person.email === staffEmail("admin"))!.id;
});

describe("GET /api/staff", () => {
  it("lists the demo staff with role, status and last sign-in, and never a password hash", async () => {
    const response = await admin.get("/api/staff");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/password|scrypt\$/i);
    const { data, meta } = JSON.parse(text) as { data: StaffDto[]; meta: { totalResults: number } };
    expect(meta.totalResults).toBe(data.length);
    for (const role of ["admin", "support", "viewer"] as const) {
      const person = data.find((candidate) => candidate.email === staffEmail(role));
      expect(person, role).toMatchObject({ role, status: "active" });
      expect(Object.keys(person!).sort()).toEqual(
        [
          "createdAt",
          "email",
          "id",
          "lastSignInAt",
          "mfaEnabled",
          "name",
          "role",
          "status",
          "updatedAt",
        ].sort(),
      );
    }
    // This admin has just signed in: the list says when.
    const me = data.find((person) => person.id === adminId)!;
    expect(Date.now() - Date.parse(me.lastSignInAt!)).toBeLessThan(5 * 60_000);
  });
});

describe("POST /api/staff", () => {
  it("creates a person (201, in the list) and writes one staff.create row without the password", async () => {
    const person = await createPerson(admin, "viewer", "create");
    expect(person).toMatchObject({ role: "viewer", status: "active", lastSignInAt: null });
    expect((await listStaff()).map((entry) => entry.email)).toContain(person.email);

    // Found by the new person's id: the intent row names them before the insert.
    const rows = await auditEvents(admin, { action: "staff.create", target: person.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: { id: adminId, email: staffEmail("admin"), role: "admin" },
      target: { type: "staff", id: person.id, label: person.email },
      outcome: "success",
      requestSummary: { email: person.email, role: "viewer" },
    });
    expect(JSON.stringify(rows[0])).not.toContain(person.password);
  });

  it("refuses a taken email with 409 and a field message", async () => {
    const person = await createPerson(admin, "viewer", "taken");
    const response = await admin.post("/api/staff", {
      email: person.email.toUpperCase(),
      name: "Again",
      role: "support",
      password: strongPassword(),
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
    expect(body.error.code).toBe("conflict");
    expect(body.error.fields?.email).toEqual(expect.any(String));
  });

  it("answers 422 with field messages for a bad email, unknown role and a short password", async () => {
    const response = await admin.post("/api/staff", {
      email: "not-an-email",
      name: "",
      role: "owner",
      password: "short",
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(["email", "name", "password", "role"]);
    expect((await listStaff()).map((entry) => entry.email)).not.toContain("not-an-email");
  });
});

describe("PATCH /api/staff/{id}", () => {
  it("changes a role, disables, enables and resets a password, one audit row each", async () => {
    const person = await createPerson(admin, "viewer", "patch");
    const steps: [unknown, string, Partial<StaffDto>][] = [
      [{ role: "support" }, "staff.role.update", { role: "support" }],
      [{ status: "disabled" }, "staff.disable", { status: "disabled" }],
      [{ status: "active" }, "staff.enable", { status: "active" }],
      [{ password: strongPassword() }, "staff.password.reset", {}],
    ];
    for (const [body, action, expected] of steps) {
      const answer = await patchStaff(person.id, body);
      expect(answer.status, action).toBe(200);
      expect(answer.body.data).toMatchObject({ id: person.id, ...expected });
      expect(JSON.stringify(answer.body)).not.toMatch(/password|scrypt\$/i);
      const rows = await auditEvents(admin, { action, target: person.id });
      expect(rows, action).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor: { email: staffEmail("admin") },
        target: { type: "staff", id: person.id, label: person.email },
        outcome: "success",
      });
      expect(rows[0]!.completedAt).not.toBeNull();
    }
    const [roleRow] = await auditEvents(admin, { action: "staff.role.update", target: person.id });
    expect(roleRow!.requestSummary).toEqual({ role: "support", previousRole: "viewer" });
    const [resetRow] = await auditEvents(admin, { action: "staff.password.reset", target: person.id });
    expect(JSON.stringify(resetRow)).not.toContain((steps[3]![0] as { password: string }).password);
    expect((await listStaff()).find((entry) => entry.id === person.id)).toMatchObject({
      role: "support",
      status: "active",
    });
  });

  it("refuses to let an admin disable or demote themselves (409), recorded as a failure", async () => {
    for (const body of [{ status: "disabled" }, { role: "viewer" }, { role: "support" }]) {
      const answer = await patchStaff(adminId, body);
      expect(answer.status, JSON.stringify(body)).toBe(409);
      expect((answer.body.error as { message: string }).message).toMatch(/yourself|your own role/i);
    }
    expect((await listStaff()).find((entry) => entry.id === adminId)).toMatchObject({
      role: "admin",
      status: "active",
    });
    const refused = await auditEvents(admin, {
      action: "staff.disable",
      target: adminId,
      outcome: "failure",
    });
    expect(refused[0]).toMatchObject({ errorCode: "conflict", actor: { id: adminId } });
  });

  it("an admin can demote and disable another admin", async () => {
    const other = await createPerson(admin, "admin", "second-admin");
    expect((await patchStaff(other.id, { role: "support" })).status).toBe(200);
    expect((await patchStaff(other.id, { status: "disabled" })).status).toBe(200);
    expect((await listStaff()).find((entry) => entry.id === other.id)).toMatchObject({
      role: "support",
      status: "disabled",
    });
  });

  it("answers 422 for no change or two at once, 400 for a bad id, 404 for an unknown one", async () => {
    const person = await createPerson(admin, "viewer", "bad-patch");
    expect((await patchStaff(person.id, {})).status).toBe(422);
    expect((await patchStaff(person.id, { role: "admin", status: "disabled" })).status).toBe(422);
    expect((await patchStaff(person.id, { role: "root" })).status).toBe(422);
    expect((await patchStaff(person.id, { password: "short" })).status).toBe(422);
    expect((await patchStaff("not-a-uuid", { role: "viewer" })).status).toBe(400);
    expect((await patchStaff(unknownId(), { role: "viewer" })).status).toBe(404);
    expect((await listStaff()).find((entry) => entry.id === person.id)).toMatchObject({
      role: "viewer",
      status: "active",
    });
  });

  it("takes a new person's email case-insensitively and stores it lowercased", async () => {
    const email = uniqueEmail("Mixed-Case").replace("mixed", "Mixed");
    const response = await admin.post("/api/staff", {
      email,
      name: "Mixed",
      role: "viewer",
      password: strongPassword(),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { data: StaffDto }).data.email).toBe(email.toLowerCase());
  });
});
