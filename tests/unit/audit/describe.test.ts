import { describe, expect, it } from "vitest";
import { auditActionLabels, describeAuditEvent, type DescribableEvent } from "@/lib/audit/describe";
import { knownAuditActions } from "@/lib/schemas/audit";

const accountId = "7d0b5a4e-4f7c-4b8e-9a53-0c0f3a8a1e11";
const jobId = "1f2e3d4c-5b6a-4978-8877-665544332211";

function event(action: string, extra: Partial<DescribableEvent> = {}): DescribableEvent {
  return {
    action,
    target: { type: "managed_account", id: accountId, label: "acme@example.com" },
    requestSummary: null,
    reason: "ticket 42",
    ...extra,
  };
}

describe("describeAuditEvent", () => {
  it("says how a sign-in proved who it was", () => {
    const said = (requestSummary: Record<string, unknown>) =>
      describeAuditEvent(event("auth.login", { requestSummary })).summary;
    expect(said({ method: "oidc" })).toBe("Signed in with single sign-on");
    expect(said({ method: "password+totp", secondFactor: "totp" })).toBe(
      "Signed in with password and authenticator code",
    );
    expect(said({ method: "password+totp", secondFactor: "recovery_code" })).toBe(
      "Signed in with password and a recovery code",
    );
    expect(said({ method: "password" })).toBe("Signed in");
  });

  it.each(knownAuditActions)("says %s in words, never as its code", (action) => {
    const description = describeAuditEvent(event(action));
    expect(description.summary).not.toBe(action);
    expect(description.summary).not.toContain(action);
    expect(description.summary.length).toBeGreaterThan(3);
    expect(auditActionLabels[action]).toBeTruthy();
  });

  it("names the channel limit's old and new values, or says set to when the old one is unknown", () => {
    const change = describeAuditEvent(
      event("account.channel_limit.update", {
        requestSummary: { channelLimit: 5, previousChannelLimit: 10 },
      }),
    );
    expect(change.summary).toBe("Channel limit 10 → 5");
    expect(change.detail).toBeNull();
    const unknown = describeAuditEvent(
      event("account.channel_limit.update", { requestSummary: { channelLimit: 5 } }),
    );
    expect(unknown.summary).toBe("Channel limit set to 5");
    expect(unknown.detail).toMatch(/not recorded/);
  });

  it("names the low-balance threshold's old and new values, saying which one is the default", () => {
    const change = describeAuditEvent(
      event("account.alert_threshold.update", {
        requestSummary: { threshold: "20.00", previousThreshold: "50.00", previousIsDefault: true },
      }),
    );
    expect(change.summary).toBe("Low-balance threshold 50.00 (default) → 20.00");
    const back = describeAuditEvent(
      event("account.alert_threshold.update", {
        requestSummary: { threshold: "50.00", isDefault: true, previousThreshold: "20.00" },
      }),
    );
    expect(back.summary).toBe("Low-balance threshold 20.00 → 50.00 (default)");
  });

  it("says custom pricing on → off when the old value is known, set to otherwise", () => {
    expect(
      describeAuditEvent(
        event("account.pricing.update", {
          requestSummary: { allowCustomPricing: false, previousAllowCustomPricing: true },
        }),
      ).summary,
    ).toBe("Custom pricing on → off");
    expect(
      describeAuditEvent(event("account.pricing.update", { requestSummary: { allowCustomPricing: true } }))
        .summary,
    ).toBe("Custom pricing set to on");
  });

  it("describes account changes and removals with their target", () => {
    expect(describeAuditEvent(event("account.disable")).summary).toBe("Disabled the account");
    expect(
      describeAuditEvent(event("account.enable", { requestSummary: { reenableAllConnections: true } }))
        .summary,
    ).toBe("Enabled the account and all its connections");
    const removed = describeAuditEvent(
      event("org_user.remove", { target: { type: "org_user", id: accountId, label: "x@y.com" } }),
    );
    expect(removed.summary).toBe("Removed user x@y.com");
    expect(removed.target).toBe("x@y.com");
    expect(removed.targetKind).toBe("User");
    const created = describeAuditEvent(
      event("account.create", {
        requestSummary: { businessName: "Acme", allowCustomPricing: true, rollupBilling: false },
      }),
    );
    expect(created.summary).toBe("Created the account acme@example.com");
    expect(created.detail).toBe("Business “Acme”, custom pricing on, rollup billing off");
  });

  it("falls back to the id when the label is only the id again", () => {
    const row = event("account.disable", {
      target: { type: "managed_account", id: accountId, label: accountId },
    });
    expect(describeAuditEvent(row).target).toBe(accountId);
  });

  it("gives a finished bulk job's counts and a running one's state", () => {
    const finished = describeAuditEvent(
      event("job.account.disable", {
        target: { type: "job", id: jobId, label: "240 items: 238 done, 2 failed, 0 skipped, 0 cancelled" },
        requestSummary: { total: 240, params: {} },
      }),
    );
    expect(finished.summary).toBe("Bulk job: disable 240 accounts (done 238, failed 2)");
    expect(finished.target).toBe("Bulk job 1f2e3d4c…");
    const running = describeAuditEvent(
      event("job.account.channel_limit", {
        target: { type: "job", id: jobId, label: jobId },
        requestSummary: { total: 3, params: { channelLimit: 5 } },
      }),
    );
    expect(running.summary).toBe("Bulk job: set the channel limit to 5 on 3 accounts (not finished)");
    const removal = describeAuditEvent(
      event("job.org_user.remove", {
        target: { type: "job", id: jobId, label: "1 items: 0 done, 0 failed, 0 skipped, 1 cancelled" },
        requestSummary: { total: 1, params: {} },
      }),
    );
    expect(removal.summary).toBe("Bulk job: remove 1 user (done 0, failed 0, cancelled 1)");
  });

  it("marks a row written by a bulk job's item", () => {
    const item = describeAuditEvent(event("account.disable", { requestSummary: { jobId } }));
    expect(item.detail).toBe("part of bulk job 1f2e3d4c…");
  });

  it("describes exports, staff changes, sign-ins and refusals", () => {
    expect(
      describeAuditEvent(
        event("report.export", {
          target: { type: "managed_accounts", id: null, label: "Accounts export: 12 rows" },
          requestSummary: { report: "accounts", format: "csv" },
        }),
      ).summary,
    ).toBe("Exported the accounts list as CSV, 12 rows");
    expect(
      describeAuditEvent(
        event("staff.role.update", {
          target: { type: "staff", id: accountId, label: "sam@example.com" },
          requestSummary: { role: "viewer", previousRole: "support" },
        }),
      ).summary,
    ).toBe("Role support → viewer");
    expect(
      describeAuditEvent(
        event("auth.login_failed", {
          target: { type: "staff", id: null, label: "who@example.com" },
          requestSummary: { attempts: 3 },
        }),
      ).summary,
    ).toBe("Failed sign-in as who@example.com (3 attempts)");
    expect(
      describeAuditEvent(
        event("authz.denied", { reason: "POST /api/managed-accounts needs accounts.create" }),
      ).summary,
    ).toBe("Refused: needs the accounts.create permission");
  });

  it("keeps an action it does not know as its code rather than inventing words", () => {
    expect(describeAuditEvent(event("something.new")).summary).toBe("something.new");
  });
});
