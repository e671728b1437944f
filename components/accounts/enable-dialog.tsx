"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { reasonProblem } from "@/lib/schemas/text-rules";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { useEnableAccount } from "@/lib/queries/account-mutations";
import { describeActionError } from "./action-error";
import { DialogFooter } from "./dialog-footer";
import { ReasonField } from "./reason-field";

interface EnableDialogProps {
  account: Pick<ManagedAccount, "id" | "email" | "organizationName">;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function EnableDialog({ account, open, onOpenChange }: EnableDialogProps) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const [reenableAllConnections, setReenableAllConnections] = useState(false);
  const enable = useEnableAccount(account);
  const failure = enable.error ? describeActionError(enable.error) : undefined;

  const close = (next: boolean) => {
    if (enable.isPending) return;
    if (!next) {
      setReason("");
      setReasonError(undefined);
      setReenableAllConnections(false);
      enable.reset();
    }
    onOpenChange(next);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={`Enable ${account.email}?`}
      description={`${account.organizationName} and its sub-users will be able to use Telnyx services again.`}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problem = reasonProblem(reason);
          if (problem) return setReasonError(problem);
          setReasonError(undefined);
          enable.mutate({ reason: reason.trim(), reenableAllConnections }, { onSuccess: () => close(false) });
        }}
      >
        <div className="flex flex-col gap-4">
          <ReasonField value={reason} onChange={setReason} error={reasonError ?? failure?.fields.reason} />
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={reenableAllConnections}
              onChange={(event) => setReenableAllConnections(event.target.checked)}
              aria-describedby="reenable-caveat"
            />
            <span>
              Also re-enable all of the account&apos;s connections
              <span id="reenable-caveat" className="block text-xs text-slate-500 dark:text-slate-400">
                Connections that fail Telnyx&apos;s validation stay disabled, and Telnyx does not say which
                ones those are: check the connections in the Telnyx portal afterwards.
              </span>
            </span>
          </label>
        </div>
        <DialogFooter
          error={failure?.message}
          isPending={enable.isPending}
          confirmLabel="Enable account"
          pendingLabel="Enabling…"
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
