// URL state of /balances (sort, the below-threshold filter, paging), read by the server page and the browser.
import {
  createLoader,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsStringLiteral,
} from "nuqs/server";
import type { BalanceListQuery } from "@/lib/schemas/balances";
import { defaultListPageSize, listPageSizes } from "@/lib/schemas/values";

export const balanceSortValues = ["balance", "-balance", "days_left", "-days_left"] as const;
export type BalanceSortValue = (typeof balanceSortValues)[number];

export const balanceListParsers = {
  sort: parseAsStringLiteral(balanceSortValues).withDefault("balance"),
  below: parseAsBoolean.withDefault(false),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
};
export const loadBalanceListUrlState = createLoader(balanceListParsers);

type UrlState = { sort: BalanceSortValue; below: boolean; page: number; pageSize: number };

/** The API query for a URL state: "-field" is the field, descending. */
export function toBalanceQuery(state: UrlState): BalanceListQuery {
  const isDescending = state.sort.startsWith("-");
  return {
    sort: (isDescending ? state.sort.slice(1) : state.sort) as BalanceListQuery["sort"],
    order: isDescending ? "desc" : "asc",
    belowThreshold: state.below,
    page: Math.min(Math.max(1, Math.floor(state.page)), 100_000),
    pageSize: state.pageSize,
  };
}
