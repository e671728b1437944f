import { describe, expect, it } from "vitest";
import type { JobRow } from "@/lib/db/jobs";
import { toJob } from "@/lib/jobs/job-dto";

const row = (overrides: Partial<JobRow>): JobRow => ({
  id: "5b0f7c62-7f3e-4c5e-9a51-2d1f0c9b8a11",
  action: "account.disable",
  status: "running",
  total: 100,
  done: 15,
  failed: 3,
  skipped: 2,
  cancelled: 0,
  params: {},
  reason: "Offboarding",
  createdBy: "0b0f7c62-7f3e-4c5e-9a51-2d1f0c9b8a11",
  createdByEmail: "lead@example.test",
  createdByRole: "admin",
  auditId: null,
  retryOf: null,
  createdAt: new Date("2026-12-01T10:00:00Z"),
  startedAt: new Date("2026-12-01T10:00:00Z"),
  finishedAt: null,
  cancelRequested: false,
  leaseOwner: "a:b",
  leaseUntil: new Date("2026-12-01T10:00:20Z"),
  ...overrides,
});

describe("a job as the API answers it", () => {
  it("gives the rate since it started and the seconds left at that rate while it runs", () => {
    const job = toJob(row({}), Date.parse("2026-12-01T10:00:10Z"));
    expect(job).toMatchObject({ rate: 2, etaSeconds: 40, createdBy: "lead@example.test" });
    // The lease is ours to know, not the API's.
    expect(job).not.toHaveProperty("leaseOwner");
  });

  it("has no rate or ETA once it has ended", () => {
    const job = toJob(row({ status: "partial", finishedAt: new Date() }), Date.now());
    expect(job.rate).toBeUndefined();
    expect(job.etaSeconds).toBeUndefined();
  });
});
