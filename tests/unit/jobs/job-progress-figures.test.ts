import { describe, expect, it } from "vitest";
import { toJobParams } from "@/components/accounts/bulk-params";
import { toAccountView } from "@/components/accounts/use-account-selection";
import { jobCounts, jobPace } from "@/components/jobs/job-counts";
import { formatDuration } from "@/components/jobs/job-labels";
import { createJobBodySchema, type Job } from "@/lib/schemas/jobs";
import { managedAccountListQuerySchema } from "@/lib/schemas/managed-accounts";

const job = (change: Partial<Job>): Job => ({
  id: "8b27a4ef-f955-44ba-a78e-cb59ab9af235",
  action: "account.disable",
  status: "running",
  total: 100,
  done: 0,
  failed: 0,
  skipped: 0,
  cancelled: 0,
  createdBy: "admin@subdesk.test",
  createdAt: "2026-12-01T10:00:00.000Z",
  startedAt: "2026-12-01T10:00:00.000Z",
  finishedAt: null,
  reason: "ticket 1",
  params: {},
  cancelRequested: false,
  retryOf: null,
  ...change,
});

describe("job progress figures", () => {
  it("counts every way an item can end as processed, and the rest as pending", () => {
    expect(jobCounts(job({ done: 40, failed: 5, skipped: 3, cancelled: 2 }))).toEqual({
      finished: 50,
      pending: 50,
      share: 0.5,
    });
    expect(jobCounts(job({ total: 0 })).share).toBe(1);
  });

  it("uses the server's rate and ETA when it sends them", () => {
    const now = Date.parse("2026-12-01T10:00:10.000Z");
    expect(jobPace(job({ done: 10, rate: 2, etaSeconds: 45 }), now)).toEqual({ rate: 2, etaSeconds: 45 });
  });

  it("works them out from the start time otherwise, and says nothing before anything finished", () => {
    const now = Date.parse("2026-12-01T10:00:10.000Z");
    expect(jobPace(job({ done: 20 }), now)).toEqual({ rate: 2, etaSeconds: 40 });
    expect(jobPace(job({}), now)).toEqual({ rate: null, etaSeconds: null });
  });

  it("formats a time left in seconds, minutes or hours", () => {
    expect(formatDuration(0.2)).toBe("1 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(125)).toBe("2 min 5 s");
    expect(formatDuration(7_260)).toBe("2 h 1 min");
  });
});

describe("what the bulk dialog sends", () => {
  it("builds each action's params as the server's schema accepts them", () => {
    const base = { reenableAllConnections: true, channelLimitText: " 5 ", allowCustomPricing: false };
    const cases = [
      ["account.disable", {}],
      ["account.enable", { reenableAllConnections: true }],
      ["account.channel_limit", { channelLimit: 5 }],
      ["account.pricing", { allowCustomPricing: false }],
    ] as const;
    for (const [action, params] of cases) {
      const built = toJobParams(action, base);
      expect(built).toEqual({ params });
      const body = { action, target: { ids: [job({}).id] }, reason: "ticket 1", ...built };
      expect(createJobBodySchema.safeParse(body).success).toBe(true);
    }
  });

  it("refuses a channel limit that is not a whole number before anything is sent", () => {
    for (const text of ["", "-1", "2.5", "1e3", "ten"]) {
      const built = toJobParams("account.channel_limit", {
        reenableAllConnections: false,
        channelLimitText: text,
        allowCustomPricing: true,
      });
      expect(built).toEqual({ error: "Enter a whole number of channels (0 or more)." });
    }
  });

  it("sends a whole view as the list's own query without paging, which the server accepts", () => {
    const query = managedAccountListQuerySchema.parse({ email: "voice@", page: "3", pageSize: "10" });
    const view = toAccountView(query);
    expect(view).not.toHaveProperty("page");
    expect(view).not.toHaveProperty("pageSize");
    const body = { action: "account.disable", target: { view }, reason: "ticket 1", confirm: "disable 45" };
    const parsed = createJobBodySchema.parse(JSON.parse(JSON.stringify(body)));
    expect(parsed.target).toMatchObject({ view: { email: "voice@", emailMatch: "contains" } });
  });
});
