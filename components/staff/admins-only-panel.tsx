import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Role } from "@/lib/auth/permissions";

/** What a support agent or viewer sees on /staff: why, and whom to ask. */
export function AdminsOnlyPanel({ role }: { role: Role }) {
  return (
    <Card className="flex flex-col items-center gap-3 p-10 text-center" data-testid="staff-refusal">
      <ShieldAlert aria-hidden className="size-8 text-amber-600" />
      <h1 className="text-lg font-semibold">Only admins manage staff</h1>
      <p className="max-w-md text-sm text-slate-600 dark:text-slate-300">
        You are signed in as <strong>{role}</strong>. To add a person, change a role, disable someone or reset
        a password, ask an admin.
      </p>
      <Link href="/audit?action=staff.*" className="text-sm underline">
        See staff changes in the audit trail
      </Link>
    </Card>
  );
}
