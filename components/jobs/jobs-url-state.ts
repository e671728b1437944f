// URL state of the jobs pages (filters and paging), read by the server page and the browser alike.
import { createLoader, parseAsInteger, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { defaultListPageSize, listPageSizes } from "@/lib/schemas/values";
import { jobActions, jobItemStatuses, jobStatuses } from "@/lib/schemas/feature-values";

export const jobListParsers = {
  status: parseAsStringLiteral(jobStatuses),
  action: parseAsStringLiteral(jobActions),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
};
export const loadJobListUrlState = createLoader(jobListParsers);

export const jobItemParsers = {
  itemStatus: parseAsStringLiteral(jobItemStatuses),
  itemPage: parseAsInteger.withDefault(1),
  itemPageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
};
