import { z } from "zod";
import { listPageQuery, listPageSizeQuery, optionalEnum, queryBoolean } from "./common";

// The fleet's balances (GET /api/balances) and the refresh that reads them (POST/GET /api/balances/refresh).

export const balanceSorts = ["balance", "days_left"] as const;

export const balanceListQuerySchema = z.object({
  sort: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(balanceSorts, { error: "Sort by balance or days_left." }).default("balance"),
  ),
  order: optionalEnum(["asc", "desc"]),
  belowThreshold: queryBoolean,
  page: listPageQuery,
  pageSize: listPageSizeQuery,
});
export type BalanceListQuery = z.output<typeof balanceListQuerySchema>;

/** POST /api/balances/refresh takes an empty JSON object: nothing to choose, but a body is still checked. */
export const balanceRefreshBodySchema = z.strictObject({});

export const fleetBalanceSchema = z.object({
  accountId: z.string(),
  email: z.string(),
  organizationName: z.string(),
  rollupBilling: z.boolean(),
  /** Decimal string; null when the account has no balance of its own (rolled up). */
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  asOf: z.string(),
  spendPerDay: z.string().nullable(),
  /** Null when not spending. */
  daysLeft: z.string().nullable(),
  threshold: z.string(),
  isDefaultThreshold: z.boolean(),
  isBelowThreshold: z.boolean(),
});
export type FleetBalance = z.infer<typeof fleetBalanceSchema>;

export const balanceRefreshSchema = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "succeeded", "partial", "failed"]),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  scheduled: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type BalanceRefresh = z.infer<typeof balanceRefreshSchema>;

/** A row of the accounts list: its latest balance from the snapshots, and when it was read. */
export const latestBalanceSchema = z.object({
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  asOf: z.string(),
});
export type LatestBalance = z.infer<typeof latestBalanceSchema>;
