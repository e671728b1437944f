// URL state of the alert list and the delivery log, read by the server pages and the browser alike.
import { createLoader, parseAsInteger, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { defaultListPageSize, listPageSizes } from "@/lib/schemas/values";
import { alertStatuses, deliveryStatuses } from "@/lib/schemas/feature-values";

export const alertListParsers = {
  status: parseAsStringLiteral(alertStatuses).withDefault("open"),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
};
export const loadAlertListUrlState = createLoader(alertListParsers);

export const deliveryListParsers = {
  status: parseAsStringLiteral(deliveryStatuses),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
};
export const loadDeliveryListUrlState = createLoader(deliveryListParsers);
