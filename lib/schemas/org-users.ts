// Organization users: our API's query, bodies and answers. Shared by forms and handlers (no server-only).
import { z } from "zod";
import {
  listPageQuery,
  listPageSizeQuery,
  optionalEnum,
  optionalText,
  queryBoolean,
  reasonSchema,
} from "./common";
import { reviewKinds, userStatuses } from "./values";
// The browser reads these without zod (lib/schemas/values.ts).
export { dormantAfterDays, reviewKinds, userStatuses } from "./values";

export const userRecordTypes = ["organization_owner", "organization_sub_user"] as const;
export const reportFormats = ["csv", "json"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const orgUserListQuerySchema = z.object({
  page: listPageQuery,
  pageSize: listPageSizeQuery,
  // Telnyx matches part of the email here (`filter[email]`), with no minimum length.
  email: optionalText(254),
  status: optionalEnum(userStatuses),
  includeGroups: queryBoolean.default(false),
});
export type OrgUserListQuery = z.output<typeof orgUserListQuerySchema>;

export const removeOrgUserBodySchema = z.strictObject({
  reason: reasonSchema,
  // Typed by the person as a guard against removing the wrong user; the handler compares it.
  confirmEmail: z.email("Type the user's email address to confirm."),
});
export type RemoveOrgUserBody = z.output<typeof removeOrgUserBodySchema>;

export const groupsReportQuerySchema = z.object({
  format: optionalEnum(reportFormats).default("csv"),
});
export type GroupsReportQuery = z.output<typeof groupsReportQuerySchema>;

export const userGroupSchema = z.strictObject({ id: z.string(), name: z.string() });
export type UserGroup = z.infer<typeof userGroupSchema>;

export const orgUserSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  recordType: z.enum(userRecordTypes),
  userStatus: z.enum(userStatuses),
  createdAt: z.string(),
  // null means the user has never signed in.
  lastSignInAt: z.string().nullable(),
  bypassesSso: z.boolean(),
  groups: z.array(userGroupSchema).optional(),
});
export type OrgUser = z.infer<typeof orgUserSchema>;
export type UserStatus = (typeof userStatuses)[number];

// The access review (GET /api/org-users/review): users to look at, computed from the groups report.

export type ReviewKind = (typeof reviewKinds)[number];

export const accessReviewQuerySchema = z.object({
  // dormant: signed in, but not in the last 90 days; never: never signed in; sso_bypass: bypasses SSO.
  kind: optionalEnum(reviewKinds),
  status: optionalEnum(userStatuses),
  // Part of the email, case-insensitive, as the list's filter.
  email: optionalText(254),
});
export type AccessReviewQuery = z.output<typeof accessReviewQuerySchema>;

/**
 * Why a user is listed. "never_signed_in" and "dormant" exclude each other (dormant = signed in, but not
 * for 90 days or more); together they are the "no sign-in for 90 days or never".
 */
export const reviewReasons = ["never_signed_in", "dormant", "bypasses_sso"] as const;
export type ReviewReason = (typeof reviewReasons)[number];

export const reviewUserSchema = orgUserSchema.extend({
  reasons: z.array(z.enum(reviewReasons)).min(1),
  // Whole days since the last sign-in; null when the user never signed in.
  daysSinceSignIn: z.number().int().nonnegative().nullable(),
});
export type ReviewUser = z.infer<typeof reviewUserSchema>;

export const accessReviewCountsSchema = z.strictObject({
  neverSignedIn: z.number().int(),
  dormant: z.number().int(),
  bypassesSso: z.number().int(),
  /** Users with at least one reason (a user counts once however many reasons they have). */
  total: z.number().int(),
});
export type AccessReviewCounts = z.infer<typeof accessReviewCountsSchema>;

export const accessReviewSchema = z.strictObject({
  // Users with at least one reason that pass every filter, in the report's order (oldest first).
  data: z.array(reviewUserSchema),
  meta: z.strictObject({
    // Over the users that pass `status` and `email`, before `kind`: stable tab counts. Without `kind`,
    // data.length === counts.total; with kind=dormant|never|sso_bypass it equals that kind's count.
    counts: accessReviewCountsSchema,
    /** Every user in the report, flagged or not, before any filter. */
    usersInReport: z.number().int(),
    dormantAfterDays: z.number().int(),
    generatedAt: z.string(),
  }),
});
export type AccessReview = z.infer<typeof accessReviewSchema>;
