import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/sign";
import { ApiClient } from "../support/api-client";
import { listAuditRows, waitFor } from "../support/audit-rows";
import { demoPassword } from "../support/env";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server";
import { signInAs, sparePort, stopOwnServer, type OwnServer } from "../support/own-server";

// Two-person approval and step-up on a console of this test's own, with the default policy and the strict
// step-up window (the shared test server turns both off for the older suites): a 600 s window moved past
// with the test clock, approvals asked, refused to the requester, tampered with, replayed, expired (a
// 15-minute TTL here and the clock moved past it), break-glass for the lone admin, and the signed
// approval.requested webhook.

const secret = `whsec-${randomBytes(16).toString("hex")}`;
const CLOCK = "x-test-clock-offset-ms";
const minutes = (count: number) => ({ [CLOCK]: String(count * 60_000) });

let server: OwnServer;
let simState: EmbeddedServer["simState"];
let receiver: Server;
const received: { body: string; signature: string | undefined }[] = [];
let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;

interface SimUser {
  id: string;
  email: string;
  record_type: string;
}
const subUsers = async () =>
  (await simState<SimUser>("users")).filter((user) => user.record_type !== "organization_owner");
const simAccounts = () => simState<{ id: string; status?: string }>("accounts");

const json = async <T>(response: Response) => (await response.json()) as T;
type Pending = { data: { approval: { id: string; status: string; action: string; expiresAt: string } } };
type Envelope = { error: { code: string; message: string } };

async function signInRole(role: string) {
  return signInAs(new ApiClient(undefined, server.baseUrl), `${role}@subdesk.test`, demoPassword());
}

beforeAll(async () => {
  receiver = await new Promise<Server>((resolve) => {
    const http = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const signature = request.headers["x-subdesk-signature"] as string | undefined;
        received.push({ body: Buffer.concat(chunks).toString("utf8"), signature });
        response.writeHead(204).end();
      });
    });
    http.listen(sparePort(32), "127.0.0.1", () => resolve(http));
  });
  ({ server, simState } = await startEmbeddedServer("approvals", 30, {
    SUBDESK_APPROVAL_POLICY: "default",
    SUBDESK_APPROVAL_TTL_SECONDS: "900",
    SUBDESK_TEST_CLOCK: "1",
    SUBDESK_BULK_MAX_RPS: "50",
    SUBDESK_ALERT_WEBHOOK_URL: `http://127.0.0.1:${sparePort(32)}/hook`,
    SUBDESK_ALERT_WEBHOOK_SECRET: secret,
  }));
  admin = await signInRole("admin");
  support = await signInRole("support");
  viewer = await signInRole("viewer");
}, 120_000);

afterAll(async () => {
  await stopOwnServer(server);
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("step-up", () => {
  it("refuses a disable after 10 minutes without changing anything, then carries on once confirmed", async () => {
    const account = (await simAccounts())[0]!;
    const url = `/api/managed-accounts/${account.id}/disable`;
    const late = await admin.post(url, { reason: "step-up test" }, { headers: minutes(11) });
    expect(late.status).toBe(401);
    expect((await json<Envelope>(late)).error.code).toBe("step_up_required");
    expect((await simAccounts()).find((row) => row.id === account.id)).toEqual(account);
    expect(await listAuditRows(admin, { action: "account.disable" })).toHaveLength(0);

    const status = await json<{ data: { via: string; isFresh: boolean; needsCode: boolean } }>(
      await admin.get("/api/auth/step-up", { headers: minutes(11) }),
    );
    expect(status.data).toMatchObject({ via: "password", isFresh: false, needsCode: false });

    const wrong = await admin.post("/api/auth/step-up", { password: "not it" }, { headers: minutes(11) });
    expect(wrong.status).toBe(422);
    expect((await admin.post("/api/auth/step-up", {}, { headers: minutes(11) })).status).toBe(422);
    const right = await admin.post(
      "/api/auth/step-up",
      { password: demoPassword() },
      { headers: minutes(11) },
    );
    expect(right.status).toBe(200);

    const done = await admin.post(url, { reason: "step-up test" }, { headers: minutes(11) });
    expect(done.status).toBe(200);
    const steps = await listAuditRows(admin, { action: "auth.step_up" });
    expect(steps.map((row) => row.outcome).sort()).toEqual(["failure", "success"]);
    expect(await listAuditRows(admin, { action: "account.disable" })).toHaveLength(1);
  });
});

describe("break-glass for the lone admin", () => {
  it("holds 'make admin', refuses the requester's own approval, runs it flagged, until reviewed", async () => {
    const staff = await admin.getJson<{ data: { id: string; email: string; role: string }[] }>("/api/staff");
    const supportId = staff.data.find((person) => person.email === "support@subdesk.test")!.id;
    const asked = await admin.patch(`/api/staff/${supportId}`, { role: "admin" });
    expect(asked.status).toBe(202);
    const { approval } = (await json<Pending>(asked)).data;
    expect(approval).toMatchObject({ status: "pending", action: "staff.make_admin" });
    expect(Date.parse(approval.expiresAt) - Date.now()).toBeGreaterThan(800_000);
    const unchanged = await admin.getJson<{ data: { id: string; role: string }[] }>("/api/staff");
    expect(unchanged.data.find((person) => person.id === supportId)!.role).toBe("support");
    // A new admin cannot skip the second person either.
    const created = await admin.post("/api/staff", {
      email: "new-admin@example.com",
      name: "New Admin",
      role: "admin",
      password: "a-long-enough-password-1",
    });
    expect(created.status).toBe(422);

    const own = await admin.post(`/api/approvals/${approval.id}/approve`, { reason: "approving my own" });
    expect(own.status).toBe(403);
    const listed = await admin.getJson<{
      data: { id: string; canApprove: boolean; canBreakGlass: boolean }[];
    }>("/api/approvals?status=pending");
    expect(listed.data.find((row) => row.id === approval.id)).toMatchObject({
      canApprove: false,
      canBreakGlass: true,
    });

    const broken = await admin.post(`/api/approvals/${approval.id}/break-glass`, { reason: "only admin" });
    expect(broken.status).toBe(200);
    const after = await admin.getJson<{ data: { id: string; role: string }[] }>("/api/staff");
    expect(after.data.find((person) => person.id === supportId)!.role).toBe("admin");
    const [execution] = await listAuditRows(admin, { action: "staff.role.update" });
    expect(execution?.requestSummary).toMatchObject({ approvalId: approval.id, breakGlass: true });
    const [flag] = await listAuditRows(admin, { action: "approval.break_glass" });
    expect(flag?.requestSummary).toMatchObject({ approvalId: approval.id, breakGlass: true });
    expect(
      (await admin.post(`/api/approvals/${approval.id}/break-glass`, { reason: "breaking it again" })).status,
    ).toBe(409);

    // Reviewed by another admin (support is one now), not by the one who broke the glass, and once.
    expect((await admin.post(`/api/approvals/${approval.id}/review`, {})).status).toBe(403);
    expect((await support.post(`/api/approvals/${approval.id}/review`, {})).status).toBe(200);
    expect((await support.post(`/api/approvals/${approval.id}/review`, {})).status).toBe(409);
  });
});

describe("two-person approval of a removal", () => {
  it("binds the approval to the exact request, runs it once, and refuses the requester, a viewer and replays", async () => {
    const [first, second] = await subUsers();
    const body = { reason: "left the company", confirmEmail: first!.email };
    const asked = await admin.post(`/api/org-users/${first!.id}/remove`, body);
    expect(asked.status).toBe(202);
    const a = (await json<Pending>(asked)).data.approval;
    // Asked again unchanged: the same approval. Changed (another reason): a new one.
    const again = (await json<Pending>(await admin.post(`/api/org-users/${first!.id}/remove`, body))).data;
    expect(again.approval.id).toBe(a.id);
    const changed = await admin.post(`/api/org-users/${first!.id}/remove`, { ...body, reason: "other" });
    const b = (await json<Pending>(changed)).data.approval;
    expect(b.id).not.toBe(a.id);
    expect((await subUsers()).map((user) => user.id)).toContain(first!.id);

    expect((await admin.post(`/api/approvals/${a.id}/approve`, { reason: "approving my own" })).status).toBe(
      403,
    );
    expect(
      (await viewer.post(`/api/approvals/${a.id}/approve`, { reason: "a viewer approving" })).status,
    ).toBe(403);
    expect((await support.post(`/api/approvals/${a.id}/approve`, {})).status).toBe(422);
    expect((await viewer.getJson<{ data: unknown[] }>("/api/approvals")).data).toEqual([]);

    // Denied: b can never run.
    expect((await support.post(`/api/approvals/${b.id}/deny`, { reason: "duplicate" })).status).toBe(200);
    expect((await support.post(`/api/approvals/${b.id}/approve`, { reason: "changed mind" })).status).toBe(
      409,
    );

    const approved = await support.post(`/api/approvals/${a.id}/approve`, { reason: "checked with HR" });
    expect(approved.status).toBe(200);
    const answer = await json<{ data: { id: string }; approval: { status: string } }>(approved);
    expect(answer.approval.status).toBe("executed");
    expect((await subUsers()).map((user) => user.id)).not.toContain(first!.id);
    const replay = await support.post(`/api/approvals/${a.id}/approve`, { reason: "checked with HR" });
    expect(replay.status).toBe(409);
    expect((await json<Envelope>(replay)).error.message).toMatch(/already executed/);
    const removals = await listAuditRows(admin, { action: "org_user.remove" });
    expect(removals).toHaveLength(1);
    expect(removals[0]).toMatchObject({ actorEmail: "support@subdesk.test", outcome: "success" });
    expect(removals[0]!.requestSummary).toMatchObject({ approvalId: a.id, onBehalfOf: "admin@subdesk.test" });
    const trail = await listAuditRows(admin, { action: "approval.*" });
    const linked = trail.filter((row) => row.requestSummary?.approvalId === a.id);
    // The request, the two refusals (the requester's own, the viewer's) and the approval that ran it.
    expect(linked.map((row) => `${row.action}:${row.outcome}`).sort()).toEqual([
      "approval.approve:denied",
      "approval.approve:denied",
      "approval.approve:success",
      "approval.request:success",
    ]);

    // Expired: asked now, decided 16 minutes later (this server's TTL is 15), after a fresh step-up.
    const late = await admin.post(`/api/org-users/${second!.id}/remove`, {
      reason: "expiring",
      confirmEmail: second!.email,
    });
    const c = (await json<Pending>(late)).data.approval;
    expect(
      (await support.post("/api/auth/step-up", { password: demoPassword() }, { headers: minutes(16) }))
        .status,
    ).toBe(200);
    const expired = await support.post(
      `/api/approvals/${c.id}/approve`,
      { reason: "late decision" },
      { headers: minutes(16) },
    );
    expect(expired.status).toBe(409);
    expect((await json<Envelope>(expired)).error.message).toMatch(/expired/);
    expect((await subUsers()).map((user) => user.id)).toContain(second!.id);
  });

  it("sends approval.requested through the signed webhook", async () => {
    const event = await waitFor(
      async () => received.find((entry) => JSON.parse(entry.body).type === "approval.requested"),
      20_000,
      "the approval.requested webhook",
    );
    expect(verifyWebhook(secret, event.body, event.signature)).toEqual({ isValid: true });
  });
});

describe("bulk jobs over the policy's size", () => {
  it("holds 26 targets for approval and runs them as one job once approved; 25 run at once", async () => {
    const accounts = (await simAccounts()).slice(0, 26);
    const job = (ids: string[]) => ({
      action: "account.pricing",
      target: { ids },
      params: { allowCustomPricing: true },
      reason: "pricing review",
      confirm: ids.length > 25 ? `pricing ${ids.length}` : undefined,
    });
    const count = async () =>
      (await admin.getJson<{ meta: { totalResults: number } }>("/api/jobs")).meta.totalResults;
    const before = await count();
    const held = await admin.post("/api/jobs", job(accounts.map((row) => row.id)));
    expect(held.status, await held.clone().text()).toBe(202);
    const approval = (await json<Pending>(held)).data.approval;
    expect(approval.action).toBe("job.create");
    expect(await count()).toBe(before);
    const ran = await support.post(`/api/approvals/${approval.id}/approve`, {
      reason: "agreed with finance",
    });
    expect(ran.status).toBe(202);
    expect(await count()).toBe(before + 1);
    const small = await admin.post("/api/jobs", job(accounts.slice(0, 25).map((row) => row.id)));
    expect(small.status).toBe(202);
    expect((await json<{ data: { id?: string } }>(small)).data.id).toBeTruthy();
    expect(await count()).toBe(before + 2);
  });
});

describe("an access review's removals", () => {
  it("wait for a second person, bound to the people decided remove when asked", async () => {
    const created = await admin.post("/api/access-reviews", {
      name: "Approval review",
      dueDate: "2030-01-01",
    });
    const reviewId = (await json<{ data: { id: string } }>(created)).data.id;
    const { items } = await admin.getJson<{ items: { id: string }[] }>(
      `/api/access-reviews/${reviewId}?pageSize=250`,
    );
    expect(items.length).toBeGreaterThanOrEqual(2);
    const decide = (id: string) =>
      admin.post(`/api/access-reviews/${reviewId}/decisions`, {
        itemIds: [id],
        decision: "remove",
        reason: "no longer needed",
      });
    expect((await decide(items[0]!.id)).status).toBe(200);
    const asked = await admin.post(`/api/access-reviews/${reviewId}/remove`);
    expect(asked.status).toBe(202);
    const first = (await json<Pending>(asked)).data.approval;
    expect(first.action).toBe("access_review.remove");
    // One more person decided remove after the ask: the old approval no longer matches and runs nothing.
    expect((await decide(items[1]!.id)).status).toBe(200);
    const stale = await support.post(`/api/approvals/${first.id}/approve`, { reason: "looks right" });
    expect(stale.status).toBe(409);
    expect((await json<Envelope>(stale)).error.message).toMatch(/changed since/);
    const again = (await json<Pending>(await admin.post(`/api/access-reviews/${reviewId}/remove`))).data;
    const ran = await support.post(`/api/approvals/${again.approval.id}/approve`, { reason: "looks right" });
    expect(ran.status).toBe(202);
    expect((await json<{ data: { total: number } }>(ran)).data.total).toBe(2);
  });
});

describe("the step-up route's throttle", () => {
  it("is the sign-in throttle: ten wrong passwords, then 429 even for the right one", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await viewer.post("/api/auth/step-up", { password: `wrong-${attempt}` })).status);
    }
    expect(statuses).toEqual(Array(10).fill(422));
    const blocked = await viewer.post("/api/auth/step-up", { password: demoPassword() });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
