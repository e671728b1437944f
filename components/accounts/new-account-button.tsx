import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { IntentLink } from "@/components/ui/intent-link";
import { can, deniedReason, type Role } from "@/lib/auth/permissions";

/**
 * Shown to every role; disabled with the reason for those who may not create accounts. Drawn on the server
 * (the page knows the role): nothing of it but the link and the hint runs in the browser.
 */
export function NewAccountButton({ role }: { role: Role }) {
  if (!can(role, "accounts.create")) {
    const reason = deniedReason("accounts.create");
    return (
      <DisabledReason reason={reason}>
        <Button disabled>
          <Plus aria-hidden className="size-4" />
          New account
        </Button>
      </DisabledReason>
    );
  }
  return (
    <IntentLink
      href="/accounts/new"
      className="inline-flex h-10 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      <Plus aria-hidden className="size-4" />
      New account
    </IntentLink>
  );
}
