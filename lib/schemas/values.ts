// Enumerations and limits that forms, URL parsers and the schemas share, without zod: a browser bundle that
// imports these does not download zod. The schema files re-export them, so server code reads them there.
// Only what the lists' URL state needs is here (the console shell reads it for saved views, so every page
// carries this file); the other pages' constants are in feature-values.ts.

/**
 * One set of page sizes and one default for every list: the pager offers these, the URL parsers accept them
 * and the API schemas default to the same size. 10 stays so saved views and links made with it still open.
 */
export const listPageSizes = [10, 25, 50, 100, 250] as const;
export type ListPageSize = (typeof listPageSizes)[number];
export const defaultListPageSize = 50;
export const maxListPageSize = 250;
/** The highest page number a list query takes. */
export const maxListPage = 100_000;

// managed-accounts
// Telnyx also filters on "blocked" without defining it; the simulator has such accounts, so we show them.
export const accountStatuses = ["enabled", "disabled", "blocked", "cancelled"] as const;
export const accountStatusFilters = ["all", ...accountStatuses] as const;
export const accountSorts = ["-created_at", "created_at", "email", "-email"] as const;
export const matchModes = ["contains", "eq"] as const;

// org-users
export const userStatuses = ["enabled", "disabled", "blocked"] as const;
/** No sign-in for this many days (or never) makes a user dormant. */
export const dormantAfterDays = 90;
export const reviewKinds = ["dormant", "never", "sso_bypass"] as const;
