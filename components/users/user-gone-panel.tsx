import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyPanel } from "@/components/ui/state-panels";

/** A user Telnyx no longer knows: removed, or a wrong link. */
export function UserGonePanel() {
  return (
    <Card>
      <EmptyPanel title="This user is not in the organization">
        <p>They may have been removed, or the link is wrong.</p>
        <Link href="/users" className="text-brand-700 hover:underline dark:text-brand-300">
          Back to all users
        </Link>
      </EmptyPanel>
    </Card>
  );
}
