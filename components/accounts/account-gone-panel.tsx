import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { EmptyPanel } from "@/components/ui/state-panels";

/** An id Telnyx has no managed account for: a wrong link, or not one of this manager's accounts. */
export function AccountGonePanel() {
  return (
    <Card data-testid="account-not-found">
      <EmptyPanel title="There is no managed account with this id">
        <p>The link may be wrong, or the account belongs to another manager.</p>
        <BackLink listPath="/accounts">Back to all accounts</BackLink>
      </EmptyPanel>
    </Card>
  );
}
