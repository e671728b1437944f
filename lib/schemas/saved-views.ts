// Saved views: a named set of a list's filters, sort and page size. Shared by the save dialog, the handlers
// and the database layer (which checks every stored query again on the way out). No server-only imports.
import { z } from "zod";
import { statusTabs } from "@/lib/accounts/url-state";
import { managedAccountListQuerySchema } from "./managed-accounts";
import { orgUserListQuerySchema } from "./org-users";
import { idSchema, listPageSizes, optionalEnum, safeText } from "./common";
import { maxSavedViewNameLength } from "./feature-values";
// The browser reads this without zod (lib/schemas/feature-values.ts).
export { maxSavedViewNameLength } from "./feature-values";

export const savedViewLists = ["accounts", "users"] as const;
export type SavedViewList = (typeof savedViewLists)[number];

export const maxSavedViewsPerPerson = 50;

// A view opens on page 1; only what shapes the list is kept.
const { page: _accountPage, ...accountViewShape } = managedAccountListQuerySchema.shape;
const { page: _userPage, includeGroups: _groups, ...userViewShape } = orgUserListQuerySchema.shape;

/** The list schema's rules across fields (a contains filter's length) hold for a view too. */
function addIssuesOf(schema: z.ZodType, query: unknown, context: z.RefinementCtx): void {
  const result = schema.safeParse(query);
  if (result.success) return;
  for (const issue of result.error.issues) {
    context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }
}

/** A value the list's schema allows but its controls do not offer (the list would quietly show another). */
function requireOneOf<T>(
  value: T,
  choices: readonly T[],
  field: string,
  label: string,
  context: z.RefinementCtx,
): void {
  if (choices.includes(value)) return;
  context.addIssue({ code: "custom", path: [field], message: `${label} is one of ${choices.join(", ")}.` });
}

/**
 * The accounts list's query without its page: the list's own schema decides (3-character contains rule
 * included), then only the page sizes and tabs the list offers are accepted, so opening the view shows
 * exactly what was saved.
 */
export const accountsViewQuerySchema = z.strictObject(accountViewShape).superRefine((query, context) => {
  addIssuesOf(managedAccountListQuerySchema, query, context);
  requireOneOf(query.pageSize, listPageSizes, "pageSize", "Page size", context);
  requireOneOf(query.status, statusTabs, "status", "Status", context);
});
export type AccountsViewQuery = z.output<typeof accountsViewQuerySchema>;

/** The users list's query without its page (the list always asks for groups itself). */
export const usersViewQuerySchema = z.strictObject(userViewShape).superRefine((query, context) => {
  addIssuesOf(orgUserListQuerySchema, query, context);
  requireOneOf(query.pageSize, listPageSizes, "pageSize", "Page size", context);
});
export type UsersViewQuery = z.output<typeof usersViewQuerySchema>;

export const viewQuerySchemas = { accounts: accountsViewQuerySchema, users: usersViewQuerySchema } as const;

// Whitespace and invisible format characters do not make a name.
const invisibleOrSpace = /[\p{White_Space}\p{Cf}\p{Cc}]/gu;

export const savedViewNameSchema = safeText({ error: "Name the view." })
  .trim()
  .max(maxSavedViewNameLength, `Keep the name to ${maxSavedViewNameLength} characters.`)
  .refine((name) => name.replace(invisibleOrSpace, "").length > 0, { message: "Name the view." });

const listError = { error: `List is one of: ${savedViewLists.join(", ")}.` };
const sharedSchema = z.boolean({ error: "Shared is true or false." }).default(false);

export const createSavedViewBodySchema = z.discriminatedUnion(
  "list",
  [
    z.strictObject({
      list: z.literal("accounts"),
      name: savedViewNameSchema,
      shared: sharedSchema,
      query: accountsViewQuerySchema,
    }),
    z.strictObject({
      list: z.literal("users"),
      name: savedViewNameSchema,
      shared: sharedSchema,
      query: usersViewQuerySchema,
    }),
  ],
  listError,
);
export type CreateSavedViewBody = z.output<typeof createSavedViewBodySchema>;

export const savedViewListQuerySchema = z.object({ list: optionalEnum(savedViewLists) });
export type SavedViewListQuery = z.output<typeof savedViewListQuerySchema>;

export const savedViewSchema = z.strictObject({
  id: idSchema,
  list: z.enum(savedViewLists),
  name: z.string(),
  shared: z.boolean(),
  query: z.record(z.string(), z.unknown()),
  ownerId: z.string(),
  ownerName: z.string(),
  /** The caller's own view. */
  isMine: z.boolean(),
  /** The owner, or an admin for a shared view. */
  canDelete: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
