// URL state of the approvals list, read by the server page and the browser alike.
import { createLoader, parseAsInteger, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { defaultListPageSize, listPageSizes } from "@/lib/schemas/values";
import { approvalStatusNames } from "@/lib/schemas/feature-values";

export const approvalFilterValues = [...approvalStatusNames, "all"] as const;

export const approvalListParsers = {
  status: parseAsStringLiteral(approvalFilterValues).withDefault("pending"),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
};
export const loadApprovalListUrlState = createLoader(approvalListParsers);
