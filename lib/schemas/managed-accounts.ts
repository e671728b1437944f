// Managed accounts: our API's query, bodies and answers. Shared by forms and handlers (no server-only).
import { z } from "zod";
import {
  listMetaSchema,
  listPageQuery,
  listPageSizeQuery,
  optionalEnum,
  optionalText,
  queryBoolean,
  reasonSchema,
  safeText,
} from "./common";
import { latestBalanceSchema } from "./balances";
import { accountSorts, accountStatusFilters, accountStatuses, matchModes } from "./values";
// The browser reads these without zod (lib/schemas/values.ts).
export { accountSorts, accountStatusFilters, accountStatuses, matchModes } from "./values";

// Telnyx refuses shorter "contains" filters; saying so here beats a 422 from upstream.
const minContainsLength = 3;

export const managedAccountListQuerySchema = z
  .object({
    page: listPageQuery,
    pageSize: listPageSizeQuery,
    email: optionalText(254),
    emailMatch: optionalEnum(matchModes).default("contains"),
    org: optionalText(255),
    orgMatch: optionalEnum(matchModes).default("contains"),
    status: optionalEnum(accountStatusFilters).default("all"),
    // Telnyx's own default order: newest first.
    sort: optionalEnum(accountSorts).default("-created_at"),
    includeCancelled: queryBoolean.default(false),
  })
  .superRefine((query, context) => {
    if (query.email && query.emailMatch === "contains" && query.email.length < minContainsLength) {
      context.addIssue({
        code: "custom",
        path: ["email"],
        message: "Type at least 3 characters to search by part of an email",
      });
    }
    if (query.org && query.orgMatch === "contains" && query.org.length < minContainsLength) {
      context.addIssue({
        code: "custom",
        path: ["org"],
        message: "Type at least 3 characters to search by part of an organization name",
      });
    }
  });
export type ManagedAccountListQuery = z.output<typeof managedAccountListQuerySchema>;

/**
 * How many accounts each status tab holds, for the email/organization filters asked (the All tab's
 * count follows includeCancelled). A count is left out when it is not known for sure (a status set larger
 * than the server pages through).
 */
export const accountStatusCountsSchema = z.strictObject(
  Object.fromEntries(
    accountStatusFilters.map((status) => [status, z.number().int().min(0).optional()]),
  ) as Record<(typeof accountStatusFilters)[number], z.ZodOptional<z.ZodNumber>>,
);
export type AccountStatusCounts = z.infer<typeof accountStatusCountsSchema>;
/** The list answer's meta: paging, and on the All tab the count of every tab. */
export const managedAccountListMetaSchema = listMetaSchema.extend({
  statusCounts: accountStatusCountsSchema.optional(),
});
export type ManagedAccountListMeta = z.infer<typeof managedAccountListMetaSchema>;
/** The filters that decide which accounts match, without paging or order. */
export type ManagedAccountFilters = Pick<
  ManagedAccountListQuery,
  "email" | "emailMatch" | "org" | "orgMatch" | "includeCancelled"
>;

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const createManagedAccountBodySchema = z.strictObject({
  businessName: safeText({ error: "Enter the business name." })
    .trim()
    .min(1, "Enter the business name.")
    .max(255, "Keep the business name under 255 characters."),
  email: z.preprocess(blankToUndefined, z.email("Enter a valid email address.").max(254).optional()),
  // The spec states no password rule, only that without one the account cannot sign in. We ask for what a
  // portal password needs at least; Telnyx's own 422 on /password is still mapped back onto this field.
  password: z.preprocess(
    blankToUndefined,
    safeText()
      .min(8, "Use at least 8 characters.")
      .max(128, "Keep the password under 128 characters.")
      .optional(),
  ),
  allowCustomPricing: z.boolean().optional(),
  // Fixed at creation: only Telnyx support can change it afterwards.
  rollupBilling: z.boolean().optional(),
});
export type CreateManagedAccountBody = z.output<typeof createManagedAccountBodySchema>;

export const updatePricingBodySchema = z.strictObject({
  allowCustomPricing: z.boolean({ error: "Choose whether custom pricing is allowed." }),
  reason: reasonSchema,
});
export type UpdatePricingBody = z.output<typeof updatePricingBodySchema>;

export const disableManagedAccountBodySchema = z.strictObject({ reason: reasonSchema });
export type DisableManagedAccountBody = z.output<typeof disableManagedAccountBodySchema>;

export const enableManagedAccountBodySchema = z.strictObject({
  reason: reasonSchema,
  reenableAllConnections: z.boolean().optional(),
});
export type EnableManagedAccountBody = z.output<typeof enableManagedAccountBodySchema>;

export const updateChannelLimitBodySchema = z.strictObject({
  // 0 is allowed and meaningful: it stops all outbound calling for the account.
  channelLimit: z
    .int({ error: "Enter a whole number of channels." })
    .min(0, "The channel limit cannot be negative.")
    .max(1_000_000, "That is more channels than any pool holds."),
  reason: reasonSchema,
});
export type UpdateChannelLimitBody = z.output<typeof updateChannelLimitBodySchema>;

// Answers. Objects are strict so a test can prove the mapper let nothing else through (no secrets).
export const accountBalanceSchema = z.strictObject({
  balance: z.string().nullable(),
  creditLimit: z.string().nullable(),
  availableCredit: z.string().nullable(),
  currency: z.string().nullable(),
});

export const managedAccountSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  organizationName: z.string(),
  apiUser: z.string(),
  managerAccountId: z.string(),
  allowCustomPricing: z.boolean(),
  rollupBilling: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  balance: accountBalanceSchema.optional(),
  // List rows: the latest balance the balance refresh stored (lib/accounts/list-with-balances.ts).
  latestBalance: latestBalanceSchema.optional(),
  // Absent when it could not be worked out (Telnyx carries no status field; see lib/telnyx/account-status).
  status: z.enum(accountStatuses).optional(),
});
export type ManagedAccount = z.infer<typeof managedAccountSchema>;
export type AccountStatus = (typeof accountStatuses)[number];

/** The create answer is the only one that shows the new account's API key, once. */
export const createdManagedAccountSchema = managedAccountSchema.extend({ apiKey: z.string() });
export type CreatedManagedAccount = z.infer<typeof createdManagedAccountSchema>;

export const channelPoolSchema = z.strictObject({
  allocatable: z.number().int(),
  allocated: z.number().int(),
  headroom: z.number().int(),
});
export type ChannelPool = z.infer<typeof channelPoolSchema>;

export const channelLimitSchema = z.strictObject({ accountId: z.string(), channelLimit: z.number().int() });
export type ChannelLimit = z.infer<typeof channelLimitSchema>;

/*
 * GET /api/managed-accounts/{id} answers `{ data: ManagedAccountDetail }`: the account (with balance and,
 * when it could be worked out, status) plus what this console remembers and Telnyx will not tell back.
 * `memory.channelLimit` is the last limit set from this console (there is no upstream read of it), null when
 * none was; `memory.lastToggle` is the last enable/disable done from this console. Times are ISO 8601 UTC;
 * `setBy`/`by` are staff emails.
 */
export const accountMemorySchema = z.strictObject({
  channelLimit: z
    .strictObject({ value: z.number().int(), setBy: z.string().nullable(), setAt: z.string().nullable() })
    .nullable(),
  lastToggle: z
    .strictObject({
      state: z.enum(["enabled", "disabled"]),
      by: z.string().nullable(),
      at: z.string().nullable(),
    })
    .nullable(),
});
export type AccountMemoryView = z.infer<typeof accountMemorySchema>;

export const managedAccountDetailSchema = managedAccountSchema.extend({ memory: accountMemorySchema });
export type ManagedAccountDetail = z.infer<typeof managedAccountDetailSchema>;

/*
 * POST /api/managed-accounts takes an optional `Idempotency-Key` header (the form sends a fresh UUID per
 * submission). The first request with a key answers `{ data: CreatedManagedAccount }`, the one answer that
 * carries `apiKey`. A repeat with the same key (a double submit) creates nothing and answers
 * `{ data: ManagedAccount, replayed: true }` for the account the first one created, without `apiKey`: the key
 * is shown once and is never stored. A repeat while the first is still running waits for it; a key reused
 * with a different body is refused with 409 (conflict).
 */
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,128}$/;
export const replayedCreateAnswerSchema = z.strictObject({
  data: managedAccountSchema,
  replayed: z.literal(true),
});
export type ReplayedCreateAnswer = z.infer<typeof replayedCreateAnswerSchema>;
