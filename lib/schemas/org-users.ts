// Organization users: our API's query, bodies and answers. Shared by forms and handlers (no server-only).
import { z } from "zod";
import { optionalEnum, optionalText, queryBoolean, queryInteger, reasonSchema } from "./common";

export const userStatuses = ["enabled", "disabled", "blocked"] as const;
export const userRecordTypes = ["organization_owner", "organization_sub_user"] as const;
export const reportFormats = ["csv", "json"] as const;

export const orgUserListQuerySchema = z.object({
  page: queryInteger("Page", 1, 100_000, 1),
  pageSize: queryInteger("Page size", 1, 250, 50),
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
