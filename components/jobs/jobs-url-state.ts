// URL state of the jobs pages (filters and paging), read by the server page and the browser alike.
import { createLoader, parseAsInteger, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { jobActions, jobItemStatuses, jobStatuses } from "@/lib/schemas/jobs";

export const jobPageSizes = [25, 50, 100] as const;

export const jobListParsers = {
  status: parseAsStringLiteral(jobStatuses),
  action: parseAsStringLiteral(jobActions),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(jobPageSizes).withDefault(25),
};
export const loadJobListUrlState = createLoader(jobListParsers);

export const jobItemParsers = {
  itemStatus: parseAsStringLiteral(jobItemStatuses),
  itemPage: parseAsInteger.withDefault(1),
  itemPageSize: parseAsNumberLiteral(jobPageSizes).withDefault(25),
};

export const clampPage = (page: number) => Math.min(Math.max(1, Math.floor(page)), 100_000);
