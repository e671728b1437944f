import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/api/errors";
import type { AuditCompletion } from "@/lib/db/audit";

// The download's life cycle without a server: Telnyx's stream is faked, the audit row is a spy.

const upstream = vi.hoisted(() => ({
  stream: undefined as (() => Promise<ReadableStream<Uint8Array>>) | undefined,
}));
vi.mock("@/lib/telnyx/org-users", () => ({
  streamGroupsReportCsv: () => upstream.stream?.(),
  getGroupsReportJson: async () => [],
}));
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));

const { groupsReportResponse, reportFileName } = await import("@/lib/users/groups-report");

const encoder = new TextEncoder();
let completions: AuditCompletion[];
const audit = {
  id: "audit-row",
  finish: async (completion: AuditCompletion) => {
    completions.push(completion);
  },
};

/** A fake Telnyx body that sends `chunks`, then ends or fails; counts how far the reader pulled. */
function fakeUpstream(chunks: string[], ending: "close" | Error = "close") {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[state.pulled];
        state.pulled += 1;
        if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
        else if (ending === "close") controller.close();
        else controller.error(ending);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  upstream.stream = async () => stream;
  return state;
}

beforeEach(() => {
  completions = [];
});

describe("groupsReportResponse (CSV)", () => {
  it("streams the guarded CSV with the download headers and completes the audit row at the end", async () => {
    fakeUpstream(["id,email\n1,=a@x", ".example\n2,b@x.example\n"]);
    const response = await groupsReportResponse("csv", audit);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${reportFileName("csv")}"`,
    );
    expect(completions).toEqual([]);
    expect(await response.text()).toBe("id,email\n1,'=a@x.example\n2,b@x.example\n");
    expect(completions).toEqual([{ outcome: "success" }]);
  });

  it("does not read ahead of the client: one chunk is waited for before answering, no more", async () => {
    const state = fakeUpstream(["a\n", "b\n", "c\n", "d\n"]);
    const response = await groupsReportResponse("csv", audit);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.pulled).toBeLessThanOrEqual(2);
    await response.text();
    expect(state.pulled).toBe(5);
  });

  it("throws (so the route answers the error envelope) when Telnyx fails before the first byte", async () => {
    fakeUpstream([], new AppError("upstream_unavailable", "down"));
    await expect(groupsReportResponse("csv", audit)).rejects.toMatchObject({ code: "upstream_unavailable" });
  });

  it("errors the download when Telnyx fails mid-stream, and records the failure", async () => {
    fakeUpstream(["id\n1\n", "2\n"], new AppError("upstream_unavailable", "cut", { upstreamStatus: 502 }));
    const response = await groupsReportResponse("csv", audit);
    await expect(response.text()).rejects.toMatchObject({ code: "upstream_unavailable" });
    expect(completions).toEqual([
      { outcome: "failure", upstreamStatus: 502, errorCode: "upstream_unavailable" },
    ]);
  });

  it("records a cancelled download as a failure and stops reading from Telnyx", async () => {
    const state = fakeUpstream(["id\n", "1\n", "2\n", "3\n"]);
    const response = await groupsReportResponse("csv", audit);
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.cancel("tab closed");
    // The cancel travels back through the pipe to the source asynchronously.
    for (let tick = 0; tick < 50 && completions.length === 0; tick += 1) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(completions).toEqual([{ outcome: "failure", errorCode: "cancelled" }]);
    expect(state.cancelled).toBe(true);
  });
});

describe("reportFileName", () => {
  it("is dated in UTC", () => {
    expect(reportFileName("json", new Date("2026-01-02T23:59:59-05:00"))).toBe(
      "subdesk-users-groups-2026-01-03.json",
    );
  });
});
