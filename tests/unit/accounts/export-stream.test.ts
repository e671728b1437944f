import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { accountExportResponse } from "@/lib/accounts/export-response";
import type { AuditCompletion } from "@/lib/db/audit";
import { accountExportQuerySchema } from "@/lib/schemas/account-export";
import { startTestSim, type TestSim } from "../telnyx/sim-harness";

// The export's paging stream against the real simulator in-process: one Telnyx page per read of the
// client, every account once and in order, and the audit completion at the end, on a fault and on cancel.

const ACCOUNTS = 600;
let sim: TestSim;
let completions: AuditCompletion[];
const audit = {
  id: "audit-row",
  finish: async (completion: AuditCompletion) => void completions.push(completion),
};

const query = (params: Record<string, string> = {}) => accountExportQuerySchema.parse(params);
const success = (rows: number) => ({
  outcome: "success",
  target: { label: `Accounts export: ${rows} rows` },
});
const listRequests = async () => (await sim.counts()).ListManagedAccounts ?? 0;

/** Every listed account id in the list's order (newest first; cancelled hidden), from the simulator's wire. */
async function simulatorOrder(): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ids.length < ACCOUNTS; page += 1) {
    const answer = await sim.rawGet<{ data: { id: string }[] }>(
      `/managed_accounts?page[number]=${page}&page[size]=250&sort=-created_at`,
    );
    if (answer.data.length === 0) break;
    ids.push(...answer.data.map((account) => account.id));
  }
  return ids;
}

beforeAll(async () => {
  sim = await startTestSim({ accounts: ACCOUNTS });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  completions = [];
  await sim.control("DELETE", "/faults");
  await sim.control("POST", "/requests/reset");
});

describe("accountExportResponse", () => {
  it("keeps at most one page ahead of the reader", async () => {
    const response = await accountExportResponse(query({ format: "json" }), audit);
    const afterFirstPage = await listRequests();
    const reader = response.body!.getReader();
    await reader.read();
    // Page 2 is fetched while the reader holds page 1; page 3 waits for the next read.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listRequests()).toBe(afterFirstPage + 1);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listRequests()).toBe(afterFirstPage + 2);
    await reader.cancel();
  });

  it("streams every account once, in the list's order, and completes the row with the count", async () => {
    const response = await accountExportResponse(query({ format: "json" }), audit);
    const reader = response.body!.getReader();
    let reads = 0;
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads += 1;
      chunks.push(value);
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { id: string }[] };
    const expected = await simulatorOrder();
    expect(expected.length).toBeGreaterThan(500);
    expect(body.data.map((row) => row.id)).toEqual(expected);
    // One read per page of 250, and the closing bracket.
    expect(reads).toBe(Math.ceil(expected.length / 250) + 1);
    expect(completions).toEqual([success(expected.length)]);
  });

  it("errors the stream when Telnyx fails after the first page, and records the failure", async () => {
    // A fixed status asks for no status sets: the first request is page 1, which passes; then all fail.
    await sim.control("POST", "/faults", { operation: "ListManagedAccounts", kind: "latency", ms: 0 });
    await sim.control("POST", "/faults", {
      operation: "ListManagedAccounts",
      kind: "server_error",
      status: 500,
      times: 100,
    });
    const response = await accountExportResponse(query({ format: "csv", status: "enabled" }), audit);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\r\n")[0]).toMatch(
      /^id,email,organizationName,status/,
    );
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toMatchObject({ code: "upstream_unavailable" });
    expect(completions).toEqual([
      {
        outcome: "failure",
        upstreamStatus: 500,
        errorCode: "upstream_unavailable",
        target: { label: "Accounts export: 250 rows before it stopped" },
      },
    ]);
  });

  it("waits out a short Retry-After in the middle of an export and still delivers every row", async () => {
    const response = await accountExportResponse(query({ format: "json" }), audit);
    const reader = response.body!.getReader();
    await reader.read();
    await sim.control("POST", "/faults", {
      operation: "ListManagedAccounts",
      kind: "rate_limit",
      retryAfter: 1,
      times: 1,
    });
    const startedAt = Date.now();
    for (;;) if ((await reader.read()).done) break;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
    expect(completions).toEqual([success((await simulatorOrder()).length)]);
  });

  it("records a cancelled download as a failure with what was sent", async () => {
    const response = await accountExportResponse(query({ format: "csv" }), audit);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    // The cancel reaches the source through the CSV's formula guard a moment later.
    await vi.waitFor(() => expect(completions).toHaveLength(1));
    expect(completions).toEqual([
      {
        outcome: "failure",
        errorCode: "cancelled",
        target: { label: "Accounts export: 250 rows before it stopped" },
      },
    ]);
  });

  it("records a download cancelled before the first page arrived, which no one will ever read", async () => {
    await sim.control("POST", "/faults", {
      operation: "ListManagedAccounts",
      kind: "latency",
      ms: 500,
      times: 10,
    });
    const request = new AbortController();
    setTimeout(() => request.abort(), 100);
    await accountExportResponse(query({ format: "csv" }), audit, request.signal);
    expect(completions).toEqual([
      {
        outcome: "failure",
        errorCode: "cancelled",
        target: { label: "Accounts export: 0 rows before it stopped" },
      },
    ]);
  });
});
