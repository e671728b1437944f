import { Badge } from "@/components/ui/badge";
import type { Alert } from "@/lib/schemas/alerts";

export function AlertTypeBadge({ type }: { type: Alert["type"] }) {
  return type === "balance.low" ? (
    <Badge tone="danger">Low balance</Badge>
  ) : (
    <Badge tone="success">Recovered</Badge>
  );
}

/** "12.50 USD", or a dash when Telnyx gave no amount. */
export const money = (amount: string | null, currency: string | null) =>
  amount === null ? "—" : `${amount}${currency ? ` ${currency}` : ""}`;

export const accountLabel = (alert: Pick<Alert, "accountName" | "accountEmail" | "accountId">) =>
  alert.accountName || alert.accountEmail || alert.accountId;
