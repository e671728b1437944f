import { HistoryList } from "@/components/audit/lazy-history-list";
import { Card, CardTitle } from "@/components/ui/card";

/** The account's changes from the audit trail, newest first (Telnyx keeps no such history). */
export function AccountHistory({ accountId }: { accountId: string }) {
  return (
    <Card data-testid="account-history">
      <CardTitle>History (audit trail)</CardTitle>
      <HistoryList targetId={accountId} />
    </Card>
  );
}
