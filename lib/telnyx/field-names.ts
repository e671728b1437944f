import "server-only";

// Telnyx names the bad field of a 422 with a JSON pointer into the body we sent, or with the query
// parameter's wire name; forms and filters know them by our camelCase names.
const bodyFieldNames: Record<string, string> = {
  business_name: "businessName",
  email: "email",
  password: "password",
  managed_account_allow_custom_pricing: "allowCustomPricing",
  rollup_billing: "rollupBilling",
  channel_limit: "channelLimit",
  reenable_all_connections: "reenableAllConnections",
};

const queryFieldNames: Record<string, string> = {
  "page[number]": "page",
  "page[size]": "pageSize",
  "filter[email][contains]": "email",
  "filter[email][eq]": "email",
  "filter[email]": "email",
  "filter[organization_name][contains]": "org",
  "filter[organization_name][eq]": "org",
  "filter[status][eq]": "status",
  "filter[user_status]": "status",
  sort: "sort",
  include_cancelled_accounts: "includeCancelled",
  include_groups: "includeGroups",
};

function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `/business_name` -> `businessName`; `/` or no pointer -> undefined (the error is about the whole request). */
export function fieldFromPointer(pointer: string | undefined): string | undefined {
  const first = pointer?.split("/")[1]?.replace(/~1/g, "/").replace(/~0/g, "~");
  if (!first) return undefined;
  return bodyFieldNames[first] ?? camelCase(first);
}

/** `filter[email][contains]` -> `email`, `page[size]` -> `pageSize`. */
export function fieldFromParameter(parameter: string | undefined): string | undefined {
  if (!parameter) return undefined;
  return queryFieldNames[parameter] ?? camelCase(parameter.replace(/\[|\]/g, "_").replace(/_+$/, ""));
}
