import { beforeAll, describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/audit/describe";
import { signIn, type ApiClient } from "../support/api-client";
import { auditEvents, unknownId } from "../support/staff";
import { simAccountStates } from "../support/security";

// The alert routes beyond the route matrix (which walks every route x role): what each answers, bad
// input refused with field messages before anything changes, and the threshold's audit row in words.

let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;
let accountId: string;

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; fields?: Record<string, string> } }).error;
const threshold = (client: ApiClient) =>
  client.getJson<{ data: { threshold: string; isDefault: boolean; recoveryLine: string } }>(
    `/api/managed-accounts/${accountId}/alert-threshold`,
  );

beforeAll(async () => {
  [admin, support, viewer] = await Promise.all([signIn("admin"), signIn("support"), signIn("viewer")]);
  accountId = (await simAccountStates())[0]!.id;
});

describe("PUT /api/managed-accounts/{id}/alert-threshold", () => {
  it("sets the account's own threshold (support), audits old → new, and null puts the default back", async () => {
    const before = await threshold(viewer);
    expect(before.data).toMatchObject({ isDefault: true });
    const put = await support.put(`/api/managed-accounts/${accountId}/alert-threshold`, {
      threshold: "12.5",
      reason: "ticket 77",
    });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { data: unknown }).data).toMatchObject({
      threshold: "12.50",
      isDefault: false,
      recoveryLine: "13.75",
    });
    const [row] = await auditEvents(admin, { action: "account.alert_threshold.update", target: accountId });
    expect(row).toMatchObject({ outcome: "success", reason: "ticket 77" });
    expect(describeAuditEvent(row!).summary).toBe(
      `Low-balance threshold ${before.data.threshold} (default) → 12.50`,
    );

    const back = await admin.put(`/api/managed-accounts/${accountId}/alert-threshold`, {
      threshold: null,
      reason: "ticket 77 closed",
    });
    expect(back.status).toBe(200);
    expect((await threshold(viewer)).data).toEqual(before.data);
  });

  it.each([
    [{ threshold: "-1", reason: "r42" }, "threshold"],
    [{ threshold: "12.345", reason: "r42" }, "threshold"],
    [{ threshold: "1e3", reason: "r42" }, "threshold"],
    [{ threshold: 2_000_000, reason: "r42" }, "threshold"],
    [{ threshold: "10" }, "reason"],
    [{ reason: "r42" }, "threshold"],
  ])("refuses %j with a message on %s, changing nothing", async (body, field) => {
    const before = await threshold(viewer);
    const response = await admin.put(`/api/managed-accounts/${accountId}/alert-threshold`, body);
    expect([400, 422]).toContain(response.status);
    expect((await errorOf(response)).fields?.[field]).toBeTruthy();
    expect((await threshold(viewer)).data).toEqual(before.data);
  });

  it("refuses a viewer (403) and a malformed id (400)", async () => {
    const denied = await viewer.put(`/api/managed-accounts/${accountId}/alert-threshold`, {
      threshold: "5",
      reason: "nope",
    });
    expect(denied.status).toBe(403);
    const bad = await admin.put("/api/managed-accounts/not-an-id/alert-threshold", {
      threshold: "5",
      reason: "r42",
    });
    expect([400, 404, 422]).toContain(bad.status);
  });

  it("answers 404 for an account Telnyx does not have, storing no threshold for it", async () => {
    const id = unknownId();
    const response = await admin.put(`/api/managed-accounts/${id}/alert-threshold`, {
      threshold: "5",
      reason: "no such account",
    });
    expect(response.status).toBe(404);
    const after = await admin.getJson<{ data: { isDefault: boolean } }>(
      `/api/managed-accounts/${id}/alert-threshold`,
    );
    expect(after.data.isDefault).toBe(true);
  });
});

describe("GET /api/alerts and acknowledge", () => {
  it("lists alerts with the open count, and refuses an unknown status", async () => {
    const list = await viewer.getJson<{ data: unknown[]; meta: { openCount: number; page: number } }>(
      "/api/alerts?status=all",
    );
    expect(list.meta).toMatchObject({ page: 1, openCount: expect.any(Number) });
    const bad = await viewer.get("/api/alerts?status=closed");
    expect(bad.status).toBe(400);
  });

  it("answers 404 for an unknown alert, and refuses bad selections", async () => {
    expect((await support.post(`/api/alerts/${unknownId()}/acknowledge`)).status).toBe(404);
    for (const body of [
      {},
      { ids: [] },
      { ids: ["nope"] },
      { ids: Array.from({ length: 251 }, unknownId) },
    ]) {
      const response = await support.post("/api/alerts/acknowledge", body);
      expect([400, 422], JSON.stringify(body).slice(0, 60)).toContain(response.status);
      expect((await errorOf(response)).fields).toBeTruthy();
    }
    // A selection names what it skipped rather than failing, even a selection of one.
    const one = await support.post("/api/alerts/acknowledge", { ids: [unknownId()] });
    expect(one.status).toBe(200);
    const none = await support.post("/api/alerts/acknowledge", { ids: [unknownId(), unknownId()] });
    expect(none.status).toBe(200);
    expect(((await none.json()) as { data: { acknowledged: unknown[] } }).data.acknowledged).toEqual([]);
    expect((await viewer.post("/api/alerts/acknowledge", { ids: [unknownId()] })).status).toBe(403);
  });
});

describe("GET /api/webhook-deliveries", () => {
  it("is an admin's: support and viewers are refused", async () => {
    expect((await admin.get("/api/webhook-deliveries")).status).toBe(200);
    expect((await support.get("/api/webhook-deliveries")).status).toBe(403);
    expect((await viewer.get("/api/webhook-deliveries")).status).toBe(403);
    expect((await admin.get("/api/webhook-deliveries?status=lost")).status).toBe(400);
  });
});
