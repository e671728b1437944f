// What GET /api/alerts and GET /api/webhook-deliveries answer, also used by the pages to prefetch.
import "server-only";
import { countOpenAlerts, listAlerts } from "@/lib/db/balance-alerts";
import { listDeliveries } from "@/lib/db/webhook-deliveries";
import type { AlertStatus, Delivery } from "@/lib/schemas/alerts";
import { listMetaOf } from "@/lib/schemas/common";
import { toAlert, toDelivery } from "./alert-dto";

export async function alertListAnswer(query: { status: AlertStatus; page: number; pageSize: number }) {
  const [{ rows, totalResults }, openCount] = await Promise.all([listAlerts(query), countOpenAlerts()]);
  return { data: rows.map(toAlert), meta: { ...listMetaOf(query, totalResults), openCount } };
}

export async function deliveryListAnswer(query: {
  status?: Delivery["status"];
  page: number;
  pageSize: number;
}) {
  const { rows, totalResults } = await listDeliveries(query);
  return { data: rows.map(toDelivery), meta: listMetaOf(query, totalResults) };
}
