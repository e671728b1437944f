import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNTS } from "@/lib/sim";
import { signIn, type ApiClient } from "../support/api-client";
import { listAuditRows } from "../support/audit-rows";
import {
  clearFaults,
  injectFault,
  requestCounts,
  resetRequestCounts,
  resetSim,
} from "../support/sim-control";
import { simUsers } from "../support/org-users";
import { simAccounts, type SimAccount } from "./managed-accounts-fixtures";
import { createJob, getJob, jobItems, jobReason, waitForEnd, waitForNoLiveJobs } from "./jobs-fixtures";

// Bulk jobs against the shared server and its simulator: counts that match what really happened at
// "Telnyx", one audit row per item linked to the job, cancel, and retry of the failed items.
let admin: ApiClient;
let support: ApiClient;
let accounts: SimAccount[];

beforeAll(async () => {
  admin = await signIn("admin");
  await waitForNoLiveJobs(admin);
  await resetSim({ accounts: 60 });
  support = await signIn("support");
  accounts = (await simAccounts()).filter((account) => account.status === "enabled");
  expect(accounts.length).toBeGreaterThanOrEqual(36);
});

// The simulator keeps the last size it was reset to: later files and the browser tests expect the seed's.
afterAll(async () => {
  await waitForNoLiveJobs(admin);
  await resetSim({ accounts: DEFAULT_ACCOUNTS });
});

describe("a job of 30 disables", () => {
  it("runs to the end, each account disabled exactly once, with one audit row per item and one for the job", async () => {
    const targets = accounts.slice(0, 30);
    await resetRequestCounts();
    const ids = targets.map((account) => account.id);
    // The same id twice is one item.
    const created = await createJob(support, {
      action: "account.disable",
      target: { ids: [...ids, ids[0]] },
      confirm: "disable 30",
    });
    expect(created).toMatchObject({
      action: "account.disable",
      total: 30,
      createdBy: "support@subdesk.test",
    });
    expect(["queued", "running"]).toContain(created.status);

    const ended = await waitForEnd(support, created.id);
    expect(ended).toMatchObject({ status: "succeeded", done: 30, failed: 0, skipped: 0, cancelled: 0 });
    expect((await requestCounts()).DisableManagedAccount).toBe(30);
    const states = new Map((await simAccounts()).map((account) => [account.id, account.status]));
    expect(ids.every((id) => states.get(id) === "disabled")).toBe(true);

    const items = await jobItems(support, created.id);
    expect(items.map((item) => item.status)).toEqual(Array(30).fill("done"));
    expect(items[0]!.label).toBe(targets[0]!.email);

    const itemRows = (await listAuditRows(admin, { action: "account.disable", pageSize: 100 })).filter(
      (row) => row.requestId === `job-${created.id}`,
    );
    expect(itemRows).toHaveLength(30);
    expect(new Set(itemRows.map((row) => row.targetId))).toEqual(new Set(ids));
    for (const row of itemRows) {
      expect(row).toMatchObject({
        outcome: "success",
        actorEmail: "support@subdesk.test",
        reason: jobReason,
      });
      expect(row.requestSummary).toMatchObject({ jobId: created.id });
    }
    const [jobRow, ...more] = await listAuditRows(admin, {
      action: "job.account.disable",
      target: created.id,
    });
    expect(more).toHaveLength(0);
    expect(jobRow).toMatchObject({ outcome: "success", targetId: created.id });
    expect(jobRow!.targetLabel).toMatch(/30 done, 0 failed/);

    const csv = await (await support.get(`/api/jobs/${created.id}/items.csv`)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^position,target_id,label,status/);
    expect(lines).toHaveLength(31);
  }, 150_000);
});

describe("cancelled accounts", () => {
  it("are skipped without a request to Telnyx (cancelled is final), blocked ones are still tried", async () => {
    const all = await simAccounts();
    const cancelled = all.filter((account) => account.status === "cancelled").slice(0, 2);
    const blocked = all.find((account) => account.status === "blocked");
    expect(cancelled.length).toBe(2);
    if (!blocked) throw new Error("The seed has no blocked account");
    const enabled = accounts[36]!;
    await resetRequestCounts();
    const job = await createJob(admin, {
      action: "account.enable",
      target: { ids: [...cancelled.map((account) => account.id), blocked.id, enabled.id] },
      params: { reenableAllConnections: false },
    });
    expect(await waitForEnd(admin, job.id)).toMatchObject({
      status: "partial",
      done: 1,
      failed: 1,
      skipped: 2,
    });
    // The blocked account and the enabled one were sent; the cancelled ones were not.
    expect((await requestCounts()).EnableManagedAccount).toBe(2);
    const items = await jobItems(admin, job.id);
    const skipped = items.filter((item) => item.status === "skipped");
    expect(skipped.map((item) => item.targetId).sort()).toEqual(
      cancelled.map((account) => account.id).sort(),
    );
    expect(skipped[0]).toMatchObject({ errorCode: "account_cancelled" });
    expect(skipped[0]!.errorMessage).toMatch(/cancelled.*nothing was sent/);
  }, 60_000);
});

describe("retry failed", () => {
  it("makes a new job of the items Telnyx refused, which then succeeds", async () => {
    const targets = accounts.slice(30, 36);
    await injectFault({ operation: "DisableManagedAccount", kind: "server_error", status: 422, times: 2 });
    try {
      const first = await createJob(admin, {
        action: "account.disable",
        target: { ids: targets.map((account) => account.id) },
      });
      const ended = await waitForEnd(admin, first.id);
      expect(ended).toMatchObject({ status: "partial", done: 4, failed: 2 });
      const failed = (await jobItems(admin, first.id)).filter((item) => item.status === "failed");
      expect(failed).toHaveLength(2);
      expect(failed[0]!.errorCode).toBeTruthy();

      const response = await admin.post(`/api/jobs/${first.id}/retry-failed`);
      expect(response.status).toBe(202);
      const retry = ((await response.json()) as { data: { id: string; total: number; retryOf: string } })
        .data;
      expect(retry).toMatchObject({ total: 2, retryOf: first.id });
      expect(await waitForEnd(admin, retry.id)).toMatchObject({ status: "succeeded", done: 2 });
      const retried = (await jobItems(admin, retry.id)).map((item) => item.targetId);
      expect(retried).toEqual(failed.map((item) => item.targetId));
      // Nothing failed any more: a second retry has nothing to do.
      expect((await admin.post(`/api/jobs/${retry.id}/retry-failed`)).status).toBe(409);
    } finally {
      await clearFaults();
    }
  }, 150_000);
});

describe("cancel", () => {
  it("finishes the item in flight and marks the rest cancelled", async () => {
    const targets = accounts.slice(0, 20);
    await resetRequestCounts();
    // Slow answers keep the job running long enough to cancel it mid-way.
    await injectFault({ operation: "UpdateManagedAccount", kind: "latency", ms: 400, times: 20 });
    try {
      const job = await createJob(admin, {
        action: "account.pricing",
        target: { ids: targets.map((account) => account.id) },
        params: { allowCustomPricing: true },
      });
      for (let tries = 0; tries < 50 && (await getJob(admin, job.id)).done < 1; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const response = await admin.post(`/api/jobs/${job.id}/cancel`);
      expect(response.status).toBe(202);
      const ended = await waitForEnd(admin, job.id);
      expect(ended.status).toBe("cancelled");
      expect(ended.cancelled).toBeGreaterThan(0);
      expect(ended.done + ended.failed + ended.cancelled).toBe(20);
      expect((await requestCounts()).UpdateManagedAccount ?? 0).toBeLessThanOrEqual(
        ended.done + ended.failed,
      );
      // An ended job cannot be cancelled again.
      expect((await admin.post(`/api/jobs/${job.id}/cancel`)).status).toBe(409);
    } finally {
      await clearFaults();
    }
  }, 150_000);

  it("needs the action's permission: support may not cancel a pricing job", async () => {
    const job = await createJob(admin, {
      action: "account.pricing",
      target: { ids: [accounts[0]!.id] },
      params: { allowCustomPricing: false },
    });
    expect((await support.post(`/api/jobs/${job.id}/cancel`)).status).toBe(403);
    await waitForEnd(admin, job.id);
  }, 150_000);
});

describe("GET /api/jobs", () => {
  it("lists jobs newest first and filters by status and action", async () => {
    const all = await admin.getJson<{
      data: { status: string; action: string }[];
      meta: { totalResults: number };
    }>("/api/jobs?pageSize=100");
    expect(all.meta.totalResults).toBeGreaterThanOrEqual(4);
    const partial = await admin.getJson<{ data: { status: string }[] }>("/api/jobs?status=partial");
    expect(partial.data.length).toBeGreaterThan(0);
    expect(partial.data.every((job) => job.status === "partial")).toBe(true);
    const pricing = await admin.getJson<{ data: { action: string }[] }>("/api/jobs?action=account.pricing");
    expect(pricing.data.every((job) => job.action === "account.pricing")).toBe(true);
    expect((await admin.get("/api/jobs?status=done")).status).toBe(400);
    expect((await admin.get("/api/jobs/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("a whole view as the target", () => {
  it("is resolved to every matching account when the job is created, and confirmed by its count", async () => {
    const disabled = (await simAccounts()).filter((account) => account.status === "disabled");
    expect(disabled.length).toBeGreaterThan(25);
    const body = {
      action: "account.enable",
      target: { view: { status: "disabled", pageSize: "10" } },
      params: { reenableAllConnections: true },
      reason: jobReason,
    };
    const unconfirmed = await admin.post("/api/jobs", body);
    expect(unconfirmed.status).toBe(422);
    const { error } = (await unconfirmed.json()) as { error: { fields: Record<string, string> } };
    expect(error.fields.confirm).toBe(`Type "enable ${disabled.length}" to confirm.`);
    const job = await createJob(admin, { ...body, confirm: `enable ${disabled.length}` });
    expect(job.total).toBe(disabled.length);
    expect(await waitForEnd(admin, job.id)).toMatchObject({ status: "succeeded", done: disabled.length });
    expect((await simAccounts()).filter((account) => account.status === "disabled")).toHaveLength(0);
  }, 150_000);
});

describe("removing organization users", () => {
  it("removes sub-users, refuses the owner as its own failed item, and goes on", async () => {
    const users = await simUsers();
    const owner = users.find((user) => user.record_type === "organization_owner")!;
    const subUsers = users.filter((user) => user.record_type === "organization_sub_user").slice(0, 2);
    const job = await createJob(admin, {
      action: "org_user.remove",
      target: { ids: [subUsers[0]!.id, owner.id, subUsers[1]!.id] },
    });
    expect(await waitForEnd(admin, job.id)).toMatchObject({ status: "partial", done: 2, failed: 1 });
    const items = await jobItems(admin, job.id);
    expect(items.map((item) => item.status)).toEqual(["done", "failed", "done"]);
    expect(items[1]!.errorCode).toBe("conflict");
    const left = new Set((await simUsers()).map((user) => user.id));
    expect(left.has(owner.id)).toBe(true);
    expect(subUsers.some((user) => left.has(user.id))).toBe(false);
    // A support agent may not remove users in bulk any more than one at a time.
    const refused = await support.post("/api/jobs", {
      action: "org_user.remove",
      target: { ids: [owner.id] },
      reason: jobReason,
    });
    expect(refused.status).toBe(403);
  }, 150_000);
});
