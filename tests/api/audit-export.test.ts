import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { anonymousClient, signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { auditEvents, strongPassword, uniqueEmail } from "../support/staff";
import { parseCsv } from "../support/csv";

// GET /api/audit/export: the filtered set as a streamed CSV download with formula-safe cells, and one
// report.export row per export naming the filters.

let admin: ApiClient;
let risky: { id: string; email: string };
const hostileAgent = '=HYPERLINK("http://evil.test","click")';
const hostileAddress = "@SUM(A1)";

async function exportCsv(query: string) {
  const response = await admin.get(`/api/audit/export${query ? `?${query}` : ""}`);
  const text = await response.text();
  const [header, ...rows] = parseCsv(text);
  const records = rows.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index]])));
  return { response, text, header: header!, records };
}

beforeAll(async () => {
  admin = await signIn("admin");
  // An email that starts with "+", from a client whose user agent and address start with = and @.
  const email = `+${uniqueEmail("formula")}`;
  const response = await admin.post(
    "/api/staff",
    { email, name: "-1+2", role: "viewer", password: strongPassword() },
    { headers: { "User-Agent": hostileAgent, "X-Forwarded-For": hostileAddress } },
  );
  expect(response.status).toBe(201);
  risky = ((await response.json()) as { data: { id: string; email: string } }).data;
  await admin.patch(`/api/staff/${risky.id}`, { role: "support" });
});

describe("GET /api/audit/export", () => {
  it("is an attachment named subdesk-audit-<UTC date>.csv, streamed (no Content-Length)", async () => {
    const response = await admin.get("/api/audit/export?action=staff.create");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const disposition = response.headers.get("content-disposition") ?? "";
    const date = /^attachment; filename="subdesk-audit-(\d{4}-\d{2}-\d{2})\.csv"$/.exec(disposition)?.[1];
    expect([0, 60_000].map((ago) => new Date(Date.now() - ago).toISOString().slice(0, 10))).toContain(date);
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    // The first chunk the server sends is the header line, before the whole set is read.
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.startsWith("occurred_at,completed_at,actor_id,actor_email")).toBe(true);
    await reader.cancel();
  });

  it("holds exactly the rows the list answers for the same filters, with every field", async () => {
    const query = `target=${risky.id}`;
    const listed = await auditEvents(admin, { target: risky.id });
    const { records } = await exportCsv(query);
    expect(records.map((record) => record.id)).toEqual(listed.map((row) => row.id));
    const role = records.find((record) => record.action === "staff.role.update")!;
    const row = listed.find((candidate) => candidate.action === "staff.role.update")!;
    expect(role).toMatchObject({
      occurred_at: row.occurredAt,
      actor_email: staffEmail("admin"),
      actor_role: "admin",
      target_type: "staff",
      target_id: risky.id,
      outcome: "success",
      request_id: row.requestId,
    });
    expect(JSON.parse(role.request_summary!)).toEqual({ role: "support", previousRole: "viewer" });
  });

  it("neutralises every cell that a spreadsheet would run as a formula", async () => {
    const { records } = await exportCsv(`action=staff.create&target=${encodeURIComponent(risky.email)}`);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.target_label).toBe(`'${risky.email}`);
    expect(record!.user_agent).toBe(`'${hostileAgent}`);
    // A client-sent X-Forwarded-For never reaches the row (lib/auth/client-address.ts): the socket's peer does.
    expect(record!.client_ip).toBe("127.0.0.1");
    // The summary is JSON ({...}): it starts safe and keeps its content.
    expect(JSON.parse(record!.request_summary!)).toMatchObject({ name: "-1+2", email: risky.email });
    const everyCell = (await exportCsv("action=staff.*")).records.flatMap((item) => Object.values(item));
    expect(everyCell.filter((cell) => /^[=+\-@\t\r]/.test(cell ?? ""))).toEqual([]);
  });

  it("writes one report.export row naming the filters, completed when the download ends", async () => {
    const before = await auditEvents(admin, { action: "report.export", target: "Audit trail" });
    const { records } = await exportCsv(`action=staff.role.update&actor=admin`);
    expect(records.length).toBeGreaterThan(0);
    const after = await auditEvents(admin, { action: "report.export", target: "Audit trail" });
    expect(after).toHaveLength(before.length + 1);
    const row: AuditEventDto = after[0]!;
    expect(row).toMatchObject({
      actor: { email: staffEmail("admin") },
      target: { type: "audit_report", label: "Audit trail" },
      outcome: "success",
      requestSummary: {
        report: "audit",
        format: "csv",
        filters: { action: "staff.role.update", actor: "admin" },
      },
    });
    // The export does not list its own row.
    const own = await exportCsv("action=report.export");
    const newest = await auditEvents(admin, { action: "report.export" });
    expect(own.records.map((record) => record.id)).not.toContain(newest[0]!.id);
    expect(own.records[0]?.id).toBe(newest[1]!.id);
  });

  it("answers 400 for bad filters, and 401 without a session", async () => {
    expect((await admin.get("/api/audit/export?from=soon")).status).toBe(400);
    expect((await anonymousClient().get("/api/audit/export")).status).toBe(401);
  });

  it("support and viewer may export (audit.read), and their export is on record", async () => {
    for (const role of ["support", "viewer"] as const) {
      const client = await signIn(role);
      const response = await client.get("/api/audit/export?action=staff.create");
      expect(response.status, role).toBe(200);
      await response.text();
      const [row] = await auditEvents(admin, { action: "report.export", actor: staffEmail(role) });
      expect(row, role).toMatchObject({ outcome: "success", actor: { role } });
    }
  });
});
