import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { EmptyPanel } from "@/components/ui/state-panels";

/** A user Telnyx no longer knows: removed, or a wrong link. */
export function UserGonePanel() {
  return (
    <Card>
      <EmptyPanel title="This user is not in the organization">
        <p>They may have been removed, or the link is wrong.</p>
        <BackLink listPath="/users">Back to all users</BackLink>
      </EmptyPanel>
    </Card>
  );
}
