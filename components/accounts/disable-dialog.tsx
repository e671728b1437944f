"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { reasonProblem } from "@/lib/schemas/text-rules";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { useDisableAccount } from "@/lib/queries/account-mutations";
import { describeActionError } from "./action-error";
import { DialogFooter } from "./dialog-footer";
import { ReasonField } from "./reason-field";

interface DisableDialogProps {
  account: Pick<ManagedAccount, "id" | "email" | "organizationName">;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function DisableDialog({ account, open, onOpenChange }: DisableDialogProps) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const disable = useDisableAccount(account);
  const failure = disable.error ? describeActionError(disable.error) : undefined;

  const close = (next: boolean) => {
    if (disable.isPending) return;
    if (!next) {
      setReason("");
      setReasonError(undefined);
      disable.reset();
    }
    onOpenChange(next);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={`Disable ${account.email}?`}
      description={
        <>
          <strong>{account.organizationName}</strong> and its sub-users will no longer be able to use Telnyx
          services or sign in to the portal. Calls already in progress are not cut.
        </>
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problem = reasonProblem(reason);
          if (problem) return setReasonError(problem);
          setReasonError(undefined);
          disable.mutate(reason.trim(), { onSuccess: () => close(false) });
        }}
      >
        <ReasonField value={reason} onChange={setReason} error={reasonError ?? failure?.fields.reason} />
        <DialogFooter
          error={failure?.message}
          isPending={disable.isPending}
          confirmLabel="Disable account"
          pendingLabel="Disabling…"
          variant="danger"
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
