"use client";

import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { IntentLink } from "@/components/ui/intent-link";
import { usePermission } from "@/components/shell/staff-context";

/** Shown to every role; disabled with the reason for those who may not create accounts. */
export function NewAccountButton() {
  const { allowed, reason } = usePermission("accounts.create");
  if (!allowed) {
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
