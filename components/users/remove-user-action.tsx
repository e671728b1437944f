"use client";

import { UserMinus } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { usePermission } from "@/components/shell/staff-context";
import { Button } from "@/components/ui/button";
import { useHasOpened } from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import type { OrgUser } from "@/lib/schemas/org-users";

// The confirmation (reason field, text rules) is fetched when Remove is first pressed, not with the list.
const RemoveUserDialog = dynamic(
  () => import("./remove-user-dialog").then((module) => module.RemoveUserDialog),
  {
    ssr: false,
  },
);

export const OWNER_CANNOT_BE_REMOVED = "The organization owner cannot be removed.";

/** The remove button, disabled with the reason for the owner and for roles that may not remove. */
export function RemoveUserAction({
  user,
  size = "md",
  onRemoved,
}: {
  user: Pick<OrgUser, "id" | "email" | "recordType">;
  size?: "sm" | "md";
  onRemoved?: () => void;
}) {
  const permission = usePermission("users.remove");
  const [open, setOpen] = useState(false);
  const hasOpened = useHasOpened(open);
  // The owner check comes first: even an admin cannot, and escalating would not help.
  const reason = user.recordType === "organization_owner" ? OWNER_CANNOT_BE_REMOVED : permission.reason;

  return (
    <>
      <DisabledReason reason={reason}>
        <Button
          variant="danger"
          size={size}
          disabled={reason !== ""}
          onClick={() => setOpen(true)}
          aria-label={`Remove ${user.email}`}
        >
          <UserMinus aria-hidden className="size-4" />
          Remove
        </Button>
      </DisabledReason>
      {reason === "" && hasOpened ? (
        <RemoveUserDialog user={user} open={open} onOpenChange={setOpen} onRemoved={onRemoved} />
      ) : null}
    </>
  );
}
