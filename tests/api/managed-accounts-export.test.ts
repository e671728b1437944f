import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNTS } from "@/lib/sim";
import { signIn, type ApiClient } from "../support/api-client";
import { parseCsv } from "../support/csv";
import { auditRows } from "../support/org-users";
import { injectFault, requestCounts, resetRequestCounts, resetSim } from "../support/sim-control";
import { simAccounts, type SimAccount } from "./managed-accounts-fixtures";

// GET /api/managed-accounts/export?format=csv|json&<list filters>: every page of a 600-account fleet,
// once and in the list's order, statuses as the simulator holds them, formula cells neutralised, one
// report.export row with the row count, HEAD writing nothing, and a fault mid-stream failing the download.

const ACCOUNTS = 600;
const COLUMNS = [
  "id",
  "email",
  "organizationName",
  "status",
  "allowCustomPricing",
  "rollupBilling",
  "createdAt",
  "updatedAt",
  "managerAccountId",
];
const FORMULA_START = /^[=+\-@\t\r]/;

let admin: ApiClient;
let viewer: ApiClient;

type Row = Record<string, string>;

async function exportCsv(client: ApiClient, query = "") {
  const response = await client.get(`/api/managed-accounts/export?format=csv${query}`);
  const text = await response.text();
  const [header, ...cells] = parseCsv(text);
  const rows: Row[] = cells.map((row) =>
    Object.fromEntries(COLUMNS.map((name, index) => [name, row[index]!])),
  );
  return { response, text, header, rows };
}

/** The list's own order, page by page, as the accounts page shows it. */
async function listIds(query = ""): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const body = await admin.getJson<{ data: { id: string }[]; meta: { totalPages: number } }>(
      `/api/managed-accounts?pageSize=250&page=${page}${query}`,
    );
    ids.push(...body.data.map((account) => account.id));
    if (page >= body.meta.totalPages) return ids;
  }
}

const byId = (accounts: SimAccount[]) => new Map(accounts.map((account) => [account.id, account]));

/** The newest report.export row once it is completed (a stream completes it a moment after it ends). */
async function completedExportRow() {
  for (let attempt = 0; ; attempt += 1) {
    const [row] = await auditRows(admin, "report.export");
    if ((row && row.outcome !== "pending") || attempt >= 30) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const exportRowCount = async () =>
  (await admin.getJson<{ meta: { totalResults: number } }>("/api/audit?action=report.export&pageSize=1")).meta
    .totalResults;

beforeAll(async () => {
  [admin, viewer] = await Promise.all([signIn("admin"), signIn("viewer")]);
  await resetSim({ accounts: ACCOUNTS });
  // An export asks Telnyx for its statuses afresh (lib/accounts/export-pages.ts): the list's cached ones
  // still describe the previous file's simulator.
});

beforeEach(async () => {
  await resetSim({ accounts: ACCOUNTS });
});

afterAll(async () => {
  // A slow page a cancelled export left in flight lands within a second; let it, so the next file's
  // request counters start clean.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await resetSim({ accounts: DEFAULT_ACCOUNTS });
});

describe("every page, once, in order", () => {
  it("a viewer exports every listed account as CSV, in the list's order, with the simulator's statuses", async () => {
    const { response, header, rows } = await exportCsv(viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="subdesk-accounts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(header).toEqual(COLUMNS);
    const sim = byId(await simAccounts());
    const listed = [...sim.values()].filter((account) => account.status !== "cancelled");
    expect(rows).toHaveLength(listed.length);
    expect(new Set(rows.map((row) => row.id)).size).toBe(listed.length);
    expect(rows.map((row) => row.id)).toEqual(await listIds());
    for (const row of rows) {
      const account = sim.get(row.id!)!;
      expect(row).toMatchObject({
        email: account.email,
        status: account.status,
        allowCustomPricing: String(account.managed_account_allow_custom_pricing),
        rollupBilling: String(account.rollup_billing),
        createdAt: account.created_at,
      });
    }
    const audit = await completedExportRow();
    expect(audit).toMatchObject({
      actorEmail: "viewer@subdesk.test",
      outcome: "success",
      targetLabel: `Accounts export: ${listed.length} rows`,
    });
    expect(audit?.requestSummary).toMatchObject({ report: "accounts", format: "csv" });
  });

  it("exports all 600 with cancelled ones included as JSON, in the list's order", async () => {
    await resetRequestCounts();
    const response = await admin.get("/api/managed-accounts/export?format=json&includeCancelled=true");
    expect(response.headers.get("content-disposition")).toMatch(/filename="subdesk-accounts-[\d-]+\.json"$/);
    const body = (await response.json()) as { data: Row[] };
    expect(body.data).toHaveLength(ACCOUNTS);
    expect(Object.keys(body.data[0]!)).toEqual(COLUMNS);
    const sim = byId(await simAccounts());
    for (const row of body.data) expect(row.status).toBe(sim.get(row.id!)?.status);
    expect(body.data.map((row) => row.id)).toEqual(await listIds("&includeCancelled=true"));
    const audit = await completedExportRow();
    expect(audit).toMatchObject({ outcome: "success", targetLabel: `Accounts export: ${ACCOUNTS} rows` });
  });

  it("respects the list's filters: a status, and an exact organization", async () => {
    const sim = await simAccounts();
    const disabled = (await exportCsv(admin, "&status=disabled")).rows;
    expect(disabled.map((row) => row.id).sort()).toEqual(
      sim
        .filter((account) => account.status === "disabled")
        .map((account) => account.id)
        .sort(),
    );
    expect(new Set(disabled.map((row) => row.status))).toEqual(new Set(["disabled"]));
    const org = sim.find((account) => account.status === "enabled")!.organization_name;
    const { rows } = await exportCsv(admin, `&org=${encodeURIComponent(org)}&orgMatch=eq`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.organizationName))).toEqual(new Set([org]));
  });

  it("a filter Telnyx would refuse is a 400 on its field, with no export row", async () => {
    const before = await exportRowCount();
    const response = await admin.get("/api/managed-accounts/export?format=xlsx&email=ab");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "format"]);
    expect(await exportRowCount()).toBe(before);
  });
});

describe("safety", () => {
  it("neutralises organization names a spreadsheet would run as formulas, keeping the quoting", async () => {
    const names = ['=HYPERLINK("http://evil.example","x")', "+SUM(A1:A9)", "@cmd", "-2+3"];
    const ids = new Map<string, string>();
    for (const name of names) {
      const created = await admin.post("/api/managed-accounts", { businessName: name });
      expect(created.ok).toBe(true);
      ids.set(((await created.json()) as { data: { id: string } }).data.id, name);
    }
    const { text, rows } = await exportCsv(admin);
    for (const [id, name] of ids)
      expect(rows.find((row) => row.id === id)?.organizationName).toBe(`'${name}`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
  });

  it("HEAD answers 200 and writes no audit row, calling no one", async () => {
    const before = await exportRowCount();
    await resetRequestCounts();
    const response = await admin.request("HEAD", "/api/managed-accounts/export?format=csv");
    expect(response.status).toBe(200);
    expect(await exportRowCount()).toBe(before);
    expect((await requestCounts()).ListManagedAccounts ?? 0).toBe(0);
  });
});

describe("upstream trouble", () => {
  // A fixed status asks Telnyx no status sets: the export's first request is page 1, its second page 2.
  const enabledOnly = "&status=enabled";

  it("a Telnyx failure after the first page breaks the download and records the failure", async () => {
    await injectFault({ operation: "ListManagedAccounts", kind: "latency", ms: 0, times: 1 });
    await injectFault({ operation: "ListManagedAccounts", kind: "server_error", status: 500, times: 100 });
    const response = await admin.get(`/api/managed-accounts/export?format=csv${enabledOnly}`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    const audit = await completedExportRow();
    expect(audit).toMatchObject({
      outcome: "failure",
      targetLabel: "Accounts export: 250 rows before it stopped",
    });
    expect(audit?.raw).toMatchObject({ errorCode: "upstream_unavailable" });
  });

  it("a 429 with a short Retry-After mid-export is waited out and every row still arrives", async () => {
    const expected = (await simAccounts()).filter((account) => account.status === "enabled").length;
    await injectFault({ operation: "ListManagedAccounts", kind: "latency", ms: 0, times: 1 });
    await injectFault({ operation: "ListManagedAccounts", kind: "rate_limit", retryAfter: 1, times: 1 });
    const { response, rows } = await exportCsv(admin, enabledOnly);
    expect(response.status).toBe(200);
    expect(rows).toHaveLength(expected);
    expect(await completedExportRow()).toMatchObject({ outcome: "success" });
  });

  it("a download cancelled before its first page is recorded as cancelled, not left pending", async () => {
    await injectFault({ operation: "ListManagedAccounts", kind: "latency", ms: 800, times: 10 });
    const abort = new AbortController();
    const request = fetch(`${admin.baseUrl()}/api/managed-accounts/export?format=csv${enabledOnly}`, {
      headers: { Cookie: admin.cookieHeader() },
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 300);
    await expect(request).rejects.toThrow();
    const audit = await completedExportRow();
    expect(audit).toMatchObject({
      outcome: "failure",
      targetLabel: "Accounts export: 0 rows before it stopped",
    });
    expect(audit?.raw).toMatchObject({ errorCode: "cancelled" });
  });

  it("a download cancelled after the first page is recorded with the rows sent", async () => {
    await injectFault({ operation: "ListManagedAccounts", kind: "latency", ms: 0, times: 1 });
    await injectFault({ operation: "ListManagedAccounts", kind: "latency", ms: 800, times: 10 });
    const response = await admin.get(`/api/managed-accounts/export?format=json${enabledOnly}`);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    const audit = await completedExportRow();
    expect(audit).toMatchObject({
      outcome: "failure",
      targetLabel: "Accounts export: 250 rows before it stopped",
    });
    expect(audit?.raw).toMatchObject({ errorCode: "cancelled" });
  });
});
