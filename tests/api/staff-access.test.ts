import { beforeAll, describe, expect, it } from "vitest";
import { anonymousClient, signIn, type ApiClient } from "../support/api-client";
import {
  auditEvents,
  createPerson,
  signInPerson,
  strongPassword,
  trySignIn,
  uniqueEmail,
} from "../support/staff";

// Who may use /api/staff, and what a change does to the sessions of the person it is made to.

let admin: ApiClient;

beforeAll(async () => {
  admin = await signIn("admin");
});

describe("roles", () => {
  it("support and viewer get 403 on every staff route, and nothing changes", async () => {
    const target = await createPerson(admin, "viewer", "target");
    for (const role of ["support", "viewer"] as const) {
      const client = await signIn(role);
      const attempts = [
        await client.get("/api/staff"),
        await client.post("/api/staff", {
          email: uniqueEmail("nope"),
          name: "Nope",
          role: "admin",
          password: strongPassword(),
        }),
        await client.patch(`/api/staff/${target.id}`, { role: "admin" }),
      ];
      for (const response of attempts) {
        expect(response.status, `${role} ${response.url}`).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      }
    }
    const list = await admin.getJson<{ data: { id: string; role: string }[] }>("/api/staff");
    expect(list.data.find((person) => person.id === target.id)?.role).toBe("viewer");
    expect(list.data.some((person) => person.role === "admin" && person.id !== target.id)).toBe(true);
  });

  it("without a session every staff route answers 401", async () => {
    const client = anonymousClient();
    expect((await client.get("/api/staff")).status).toBe(401);
    expect((await client.post("/api/staff", {})).status).toBe(401);
    expect((await client.patch(`/api/staff/${crypto.randomUUID()}`, { role: "admin" })).status).toBe(401);
  });

  it("a person created as support can read the audit trail but not the staff list", async () => {
    const person = await createPerson(admin, "support", "new-support");
    const client = await signInPerson(person.email, person.password);
    expect((await client.get("/api/audit?pageSize=1")).status).toBe(200);
    expect((await client.get("/api/staff")).status).toBe(403);
  });
});

describe("sessions", () => {
  it("a disabled person's cookie answers 401 on their next request, and re-enabling does not revive it", async () => {
    const person = await createPerson(admin, "support", "disable");
    const client = await signInPerson(person.email, person.password);
    expect((await client.get("/api/audit?pageSize=1")).status).toBe(200);

    expect((await admin.patch(`/api/staff/${person.id}`, { status: "disabled" })).status).toBe(200);
    expect((await client.get("/api/audit?pageSize=1")).status).toBe(401);
    expect((await client.get("/api/managed-accounts?pageSize=1")).status).toBe(401);
    expect((await trySignIn(person.email, person.password)).isSignedIn).toBe(false);

    expect((await admin.patch(`/api/staff/${person.id}`, { status: "active" })).status).toBe(200);
    expect((await client.get("/api/audit?pageSize=1")).status).toBe(401);
    expect((await trySignIn(person.email, person.password)).isSignedIn).toBe(true);
  });

  it("a reset password: the old one fails, the new one works, and old sessions end", async () => {
    const person = await createPerson(admin, "viewer", "reset");
    const oldSession = await signInPerson(person.email, person.password);
    const newPassword = strongPassword();

    expect((await admin.patch(`/api/staff/${person.id}`, { password: newPassword })).status).toBe(200);
    expect((await oldSession.get("/api/audit?pageSize=1")).status).toBe(401);
    expect((await trySignIn(person.email, person.password)).isSignedIn).toBe(false);
    const fresh = await trySignIn(person.email, newPassword);
    expect(fresh.isSignedIn).toBe(true);
    expect((await fresh.client.get("/api/audit?pageSize=1")).status).toBe(200);

    const failures = await auditEvents(admin, { action: "auth.login_failed", target: person.email });
    expect(failures.length).toBeGreaterThanOrEqual(1);
  });

  it("a role change applies to the person's next request", async () => {
    const person = await createPerson(admin, "viewer", "promote");
    const client = await signInPerson(person.email, person.password);
    expect((await client.get("/api/staff")).status).toBe(403);
    expect((await admin.patch(`/api/staff/${person.id}`, { role: "admin" })).status).toBe(200);
    expect((await client.get("/api/staff")).status).toBe(200);
    // Back to viewer, so the extra admin does not linger for other suites.
    expect((await admin.patch(`/api/staff/${person.id}`, { role: "viewer" })).status).toBe(200);
    expect((await client.get("/api/staff")).status).toBe(403);
  });
});
