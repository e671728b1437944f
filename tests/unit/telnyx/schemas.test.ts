// The shared zod schemas: defaults, bounds and the messages a form shows.
import { describe, expect, it } from "vitest";
import { idSchema } from "@/lib/schemas/common";
import {
  createManagedAccountBodySchema,
  disableManagedAccountBodySchema,
  enableManagedAccountBodySchema,
  managedAccountListQuerySchema,
  updateChannelLimitBodySchema,
  updatePricingBodySchema,
} from "@/lib/schemas/managed-accounts";
import {
  groupsReportQuerySchema,
  orgUserListQuerySchema,
  removeOrgUserBodySchema,
} from "@/lib/schemas/org-users";

const messagesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("managed account list query", () => {
  it("fills defaults from an empty or blank query string", () => {
    const expected = {
      page: 1,
      pageSize: 50,
      emailMatch: "contains",
      orgMatch: "contains",
      status: "all",
      sort: "-created_at",
      includeCancelled: false,
    };
    expect(managedAccountListQuerySchema.parse({})).toEqual(expected);
    expect(managedAccountListQuerySchema.parse({ page: "", pageSize: "", email: " ", status: "" })).toEqual(
      expected,
    );
  });

  it("coerces query strings and checks bounds", () => {
    expect(
      managedAccountListQuerySchema.parse({
        page: "3",
        pageSize: "250",
        includeCancelled: "true",
        sort: "email",
      }),
    ).toMatchObject({ page: 3, pageSize: 250, includeCancelled: true, sort: "email" });
    const result = managedAccountListQuerySchema.safeParse({ page: "0", pageSize: "251", status: "gone" });
    expect(Object.keys(messagesOf(result)).sort()).toEqual(["page", "pageSize", "status"]);
  });

  it("asks for 3 characters before a contains search, but not for an exact one", () => {
    const result = managedAccountListQuerySchema.safeParse({ email: "ab", org: "xy" });
    expect(messagesOf(result)).toEqual({
      email: "Type at least 3 characters to search by part of an email",
      org: "Type at least 3 characters to search by part of an organization name",
    });
    expect(managedAccountListQuerySchema.safeParse({ email: "ab", emailMatch: "eq" }).success).toBe(true);
  });
});

describe("managed account bodies", () => {
  it("accepts a create with only the business name, and blank optional fields", () => {
    expect(createManagedAccountBodySchema.parse({ businessName: " Acme ", email: "", password: "" })).toEqual(
      {
        businessName: "Acme",
      },
    );
  });

  it("refuses bad create fields and unknown keys", () => {
    const result = createManagedAccountBodySchema.safeParse({
      businessName: "",
      email: "nope",
      password: "short",
      apiKey: "x",
    });
    expect(Object.keys(messagesOf(result)).sort()).toEqual(["", "businessName", "email", "password"]);
  });

  it("checks pricing, reasons and the channel limit", () => {
    expect(updatePricingBodySchema.safeParse({ allowCustomPricing: "yes" }).success).toBe(false);
    expect(disableManagedAccountBodySchema.safeParse({ reason: "no" }).success).toBe(false);
    expect(disableManagedAccountBodySchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
    expect(enableManagedAccountBodySchema.parse({ reason: "paid up", reenableAllConnections: true })).toEqual(
      {
        reason: "paid up",
        reenableAllConnections: true,
      },
    );
    expect(updateChannelLimitBodySchema.parse({ channelLimit: 0, reason: "stop calls" }).channelLimit).toBe(
      0,
    );
    expect(updateChannelLimitBodySchema.safeParse({ channelLimit: -1, reason: "oops" }).success).toBe(false);
    expect(updateChannelLimitBodySchema.safeParse({ channelLimit: 1.5, reason: "oops" }).success).toBe(false);
  });
});

describe("org users and ids", () => {
  it("defaults the user list to 50 a page and checks the status", () => {
    expect(orgUserListQuerySchema.parse({})).toEqual({ page: 1, pageSize: 50, includeGroups: false });
    expect(orgUserListQuerySchema.safeParse({ status: "gone" }).success).toBe(false);
    expect(groupsReportQuerySchema.parse({})).toEqual({ format: "csv" });
    expect(groupsReportQuerySchema.safeParse({ format: "xml" }).success).toBe(false);
  });

  it("needs a reason and a real email to remove a user", () => {
    expect(removeOrgUserBodySchema.safeParse({ reason: "left", confirmEmail: "a@b.example" }).success).toBe(
      true,
    );
    expect(removeOrgUserBodySchema.safeParse({ reason: "left", confirmEmail: "a" }).success).toBe(false);
  });

  it("accepts UUID-shaped ids only", () => {
    expect(idSchema.safeParse("096abcde-1122-3344-ab77-ff0123456789").success).toBe(true);
    expect(idSchema.safeParse("../managed_accounts").success).toBe(false);
  });
});
