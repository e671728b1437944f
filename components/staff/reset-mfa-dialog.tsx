"use client";

import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { ReasonField } from "@/components/accounts/reason-field";
import { Dialog } from "@/components/ui/dialog";
import { useResetStaffMfa } from "@/lib/queries/mfa";
import { reasonProblem } from "@/lib/schemas/text-rules";
import type { StaffDto } from "@/lib/schemas/staff";
import { describeStaffError } from "./field-errors";

interface ResetMfaDialogProps {
  person: StaffDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** An admin removes someone's authenticator and recovery codes (a lost phone), with a reason for the audit. */
export function ResetMfaDialog({ person, open, onOpenChange }: ResetMfaDialogProps) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const reset = useResetStaffMfa(person.id);
  const failure = describeStaffError(reset.error);
  const close = (next: boolean) => {
    if (reset.isPending) return;
    if (!next) {
      setReason("");
      setReasonError(undefined);
      reset.reset();
    }
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={`Reset two-factor authentication of ${person.email}?`}
      description="Their authenticator app and recovery codes stop working. Until they set it up again, a password alone signs them in (or, where MFA is required, sends them to set it up first)."
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problem = reasonProblem(reason);
          if (problem) return setReasonError(problem);
          setReasonError(undefined);
          reset.mutate(
            { reason: reason.trim() },
            {
              onSuccess: () => {
                toast.success(`Two-factor authentication of ${person.email} was reset.`);
                close(false);
              },
            },
          );
        }}
      >
        <ReasonField value={reason} onChange={setReason} error={reasonError ?? failure.fields.reason} />
        <DialogFooter
          error={failure.message}
          isPending={reset.isPending}
          confirmLabel="Reset two-factor"
          pendingLabel="Resetting…"
          variant="danger"
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
