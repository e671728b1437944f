import "server-only";
import type { ManagedAccountListParams } from "telnyx/resources/managed-accounts/managed-accounts";
import type { ManagedAccountFilters, ManagedAccountListQuery } from "@/lib/schemas/managed-accounts";

type TelnyxFilter = NonNullable<ManagedAccountListParams["filter"]>;

/** Our email/org filters in Telnyx's nested form; the SDK serialises them as `filter[email][contains]`. */
export function toTelnyxFilter(filters: ManagedAccountFilters): TelnyxFilter {
  const filter: TelnyxFilter = {};
  if (filters.email) filter.email = { [filters.emailMatch]: filters.email };
  if (filters.org) filter.organization_name = { [filters.orgMatch]: filters.org };
  return filter;
}

export function toTelnyxListParams(query: ManagedAccountListQuery): ManagedAccountListParams {
  const filter = toTelnyxFilter(query);
  if (query.status !== "all") filter.status = { eq: query.status };
  return {
    filter,
    // Cancelled accounts are hidden by Telnyx unless asked for, also when filtering on that very status.
    include_cancelled_accounts: query.includeCancelled || query.status === "cancelled",
    "page[number]": query.page,
    "page[size]": query.pageSize,
    // The SDK's type lists only the ascending sorts; Telnyx accepts the "-" forms too (see the spec).
    sort: query.sort as ManagedAccountListParams["sort"],
  };
}
