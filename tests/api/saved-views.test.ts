import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { SavedView } from "@/lib/schemas/saved-views";
import { signIn, type ApiClient } from "../support/api-client";
import { auditEvents, createPerson, signInPerson, unknownId } from "../support/staff";

// /api/views: own and shared views of the accounts and users lists, their rules, and their audit rows.

let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;

const uniqueName = (prefix: string) => `${prefix} ${randomBytes(3).toString("hex")}`;

async function save(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post("/api/views", { list: "accounts", query: {}, ...body });
  return { status: response.status, body: (await response.json()) as { data: SavedView; error?: never } };
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; fields?: Record<string, string> } }).error;
}

async function views(client: ApiClient, list?: string): Promise<SavedView[]> {
  return (await client.getJson<{ data: SavedView[] }>(`/api/views${list ? `?list=${list}` : ""}`)).data;
}

beforeAll(async () => {
  [admin, support, viewer] = await Promise.all([signIn("admin"), signIn("support"), signIn("viewer")]);
});

describe("POST and GET /api/views", () => {
  it("saves a view (201, normalised query) and lists it to its owner only, until it is shared", async () => {
    const name = uniqueName("Acme");
    const created = await save(support, { name, query: { email: "acme", pageSize: 50, sort: "email" } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name, list: "accounts", shared: false, isMine: true });
    expect(created.body.data.query).toEqual({
      email: "acme",
      emailMatch: "contains",
      orgMatch: "contains",
      status: "all",
      sort: "email",
      pageSize: 50,
      includeCancelled: false,
    });
    expect((await views(support)).map((view) => view.id)).toContain(created.body.data.id);
    expect((await views(viewer)).map((view) => view.id)).not.toContain(created.body.data.id);

    const shared = await save(support, { name: uniqueName("Team"), list: "users", shared: true, query: {} });
    expect(shared.status).toBe(201);
    const seen = (await views(viewer, "users")).find((view) => view.id === shared.body.data.id);
    expect(seen).toMatchObject({
      shared: true,
      isMine: false,
      canDelete: false,
      ownerName: expect.any(String),
    });
    expect((await views(viewer, "accounts")).map((view) => view.id)).not.toContain(shared.body.data.id);
  });

  it("refuses a name the owner already uses for that list with 409 (another person may use it)", async () => {
    const name = uniqueName("Dormant");
    expect((await save(viewer, { name })).status).toBe(201);
    const again = await viewer.post("/api/views", { name: name.toUpperCase(), list: "accounts", query: {} });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: "conflict", fields: { name: expect.any(String) } });
    expect((await save(support, { name })).status).toBe(201);
  });

  it("answers 422 with field messages for a bad name, list or query, and saves nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(81) }, "name"],
      [{ name: "bad\u0000name" }, "name"],
      [{ name: "Fine", list: "staff" }, "list"],
      [{ name: "Fine", query: { email: "ab" } }, "query.email"],
      [{ name: "Fine", query: { pageSize: 30 } }, "query.pageSize"],
      [{ name: "Fine", query: { page: 2 } }, "query"],
      [{ name: "Fine", query: { status: "frozen" } }, "query.status"],
      [{ name: "Fine", list: "users", query: { sort: "email" } }, "query"],
    ];
    const before = (await views(viewer)).length;
    for (const [body, field] of cases) {
      const response = await viewer.post("/api/views", { list: "accounts", query: {}, ...body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      const error = await errorOf(response);
      expect(
        Object.keys(error.fields ?? {}).some((key) => key.startsWith(field)),
        JSON.stringify(error),
      ).toBe(true);
    }
    expect((await views(viewer)).length).toBe(before);
  });

  it("answers 400 for an unknown or repeated list in the query string", async () => {
    expect((await viewer.get("/api/views?list=staff")).status).toBe(400);
    expect((await viewer.get("/api/views?list=users&list=accounts")).status).toBe(400);
  });

  it("keeps at most 50 views per person (409 on the 51st)", async () => {
    const person = await createPerson(admin, "viewer", "views-limit");
    const client = await signInPerson(person.email, person.password);
    for (let index = 0; index < 50; index++) {
      expect((await save(client, { name: `View ${index}` })).status).toBe(201);
    }
    const over = await client.post("/api/views", { name: "One too many", list: "users", query: {} });
    expect(over.status).toBe(409);
    expect((await errorOf(over)).code).toBe("conflict");
    expect((await views(client)).filter((view) => view.isMine)).toHaveLength(50);
  });

  it("writes a view.create row naming the view, its list and query", async () => {
    const name = uniqueName("Audited");
    const { body } = await save(viewer, { name, shared: true, query: { org: "Acme", orgMatch: "eq" } });
    const rows = await auditEvents(admin, { action: "view.create", target: body.data.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      target: { type: "saved_view", id: body.data.id, label: name },
      outcome: "success",
      requestSummary: { list: "accounts", shared: true, query: { org: "Acme", orgMatch: "eq" } },
    });
  });
});

describe("DELETE /api/views/{id}", () => {
  it("lets the owner delete their own view, and writes a view.delete row", async () => {
    const { body } = await save(viewer, { name: uniqueName("Mine") });
    const response = await viewer.delete(`/api/views/${body.data.id}`);
    expect(response.status).toBe(200);
    expect((await views(viewer)).map((view) => view.id)).not.toContain(body.data.id);
    const rows = await auditEvents(admin, { action: "view.delete", target: body.data.id });
    expect(rows[0]).toMatchObject({ outcome: "success", target: { label: body.data.name } });
  });

  it("refuses someone else's shared view with 403 unless an admin asks", async () => {
    const { body } = await save(viewer, { name: uniqueName("Shared"), shared: true });
    const refused = await support.delete(`/api/views/${body.data.id}`);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("forbidden");
    expect((await views(support)).map((view) => view.id)).toContain(body.data.id);
    const rows = await auditEvents(admin, { action: "view.delete", target: body.data.id });
    expect(rows[0]).toMatchObject({ outcome: "failure", errorCode: "forbidden" });

    expect((await admin.delete(`/api/views/${body.data.id}`)).status).toBe(200);
    expect((await views(viewer)).map((view) => view.id)).not.toContain(body.data.id);
  });

  it("answers 404 for someone else's personal view (even to an admin), an unknown id, and 400 for a bad id", async () => {
    const { body } = await save(viewer, { name: uniqueName("Private") });
    expect((await admin.delete(`/api/views/${body.data.id}`)).status).toBe(404);
    expect((await support.delete(`/api/views/${body.data.id}`)).status).toBe(404);
    expect((await viewer.delete(`/api/views/${unknownId()}`)).status).toBe(404);
    expect((await viewer.delete("/api/views/not-an-id")).status).toBe(400);
    expect((await views(viewer)).map((view) => view.id)).toContain(body.data.id);
  });
});
