import { describe, expect, it } from "vitest";
import { canonicalJson, requestHash } from "@/lib/approvals/canonical";
import {
  approvalTtlMs,
  defaultApprovalPolicy,
  isJobHeldBack,
  parseApprovalPolicy,
} from "@/lib/approvals/policy";

describe("the approval policy (SUBDESK_APPROVAL_POLICY)", () => {
  it("defaults to removals, jobs over 25 and new admins; 'none' turns it off; a list picks", () => {
    expect(parseApprovalPolicy(undefined)).toEqual(defaultApprovalPolicy);
    expect(parseApprovalPolicy("none")).toEqual({
      "org_user.remove": false,
      "job.create": null,
      "staff.make_admin": false,
    });
    expect(parseApprovalPolicy("job.create>100, staff.make_admin")).toEqual({
      "org_user.remove": false,
      "job.create": 100,
      "staff.make_admin": true,
    });
  });

  it("keeps the default for a value it cannot read (a typo must not switch the safeguard off)", () => {
    expect(parseApprovalPolicy("org_user.remov")).toEqual(defaultApprovalPolicy);
    expect(parseApprovalPolicy("job.create>lots")).toEqual(defaultApprovalPolicy);
  });

  it("holds a job of 26 and not of 25 under the default", () => {
    expect(isJobHeldBack(25, defaultApprovalPolicy)).toBe(false);
    expect(isJobHeldBack(26, defaultApprovalPolicy)).toBe(true);
    expect(isJobHeldBack(10_000, parseApprovalPolicy("none"))).toBe(false);
  });

  it("waits 24 hours unless SUBDESK_APPROVAL_TTL_SECONDS says otherwise", () => {
    expect(approvalTtlMs({})).toBe(24 * 60 * 60 * 1000);
    expect(approvalTtlMs({ SUBDESK_APPROVAL_TTL_SECONDS: "900" })).toBe(900_000);
    expect(approvalTtlMs({ SUBDESK_APPROVAL_TTL_SECONDS: "-1" })).toBe(24 * 60 * 60 * 1000);
  });
});

describe("an approval's binding to its request", () => {
  const target = { type: "org_user", id: "u1" };

  it("is the same for the same request whatever its key order", () => {
    const a = canonicalJson({ id: "u1", body: { reason: "left", confirmEmail: "a@b.c" } });
    const b = canonicalJson({ body: { confirmEmail: "a@b.c", reason: "left" }, id: "u1" });
    expect(a).toBe(b);
    expect(requestHash("org_user.remove", target, a)).toBe(requestHash("org_user.remove", target, b));
  });

  it("changes with any change to the body, the target or the action", () => {
    const json = canonicalJson({ id: "u1", body: { reason: "left" } });
    const hash = requestHash("org_user.remove", target, json);
    expect(
      requestHash("org_user.remove", target, canonicalJson({ id: "u1", body: { reason: "left!" } })),
    ).not.toBe(hash);
    expect(requestHash("org_user.remove", { ...target, id: "u2" }, json)).not.toBe(hash);
    expect(requestHash("job.create", target, json)).not.toBe(hash);
  });
});
