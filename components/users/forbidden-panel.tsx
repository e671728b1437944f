import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/state-panels";
import { deniedReason, type Permission } from "@/lib/auth/permissions";

/** A page the signed-in role may not read: say so and whom to ask, instead of an empty table. */
export function ForbiddenPanel({ permission }: { permission: Permission }) {
  return (
    <Card>
      <ErrorPanel message={`You cannot see this page. ${deniedReason(permission)}`} />
    </Card>
  );
}
