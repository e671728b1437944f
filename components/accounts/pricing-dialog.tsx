"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { reasonProblem } from "@/lib/schemas/text-rules";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { useSetCustomPricing } from "@/lib/queries/account-mutations";
import { describeActionError } from "./action-error";
import { DialogFooter } from "./dialog-footer";
import { ReasonField } from "./reason-field";

interface PricingDialogProps {
  account: Pick<ManagedAccount, "id" | "email">;
  /** The state the staff member asked for by flipping the switch. */
  allowCustomPricing: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Confirms a custom-pricing change and asks for the reason the audit trail records. */
export function PricingDialog({ account, allowCustomPricing, open, onOpenChange }: PricingDialogProps) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const setPricing = useSetCustomPricing(account);
  const failure = setPricing.error ? describeActionError(setPricing.error) : undefined;

  const close = (next: boolean) => {
    if (setPricing.isPending) return;
    if (!next) {
      setReason("");
      setReasonError(undefined);
      setPricing.reset();
    }
    onOpenChange(next);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={
        allowCustomPricing
          ? `Allow custom pricing for ${account.email}?`
          : `Turn off custom pricing for ${account.email}?`
      }
      description="The change may take time to apply at Telnyx, and Telnyx sets the actual prices."
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problem = reasonProblem(reason);
          if (problem) return setReasonError(problem);
          setReasonError(undefined);
          setPricing.mutate({ allowCustomPricing, reason: reason.trim() }, { onSuccess: () => close(false) });
        }}
      >
        <ReasonField value={reason} onChange={setReason} error={reasonError ?? failure?.fields.reason} />
        <DialogFooter
          error={failure ? `Custom pricing was not changed: ${failure.message}` : undefined}
          isPending={setPricing.isPending}
          confirmLabel={allowCustomPricing ? "Allow custom pricing" : "Turn off custom pricing"}
          pendingLabel="Saving…"
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
