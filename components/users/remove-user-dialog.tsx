"use client";

import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, inputClassName } from "@/components/ui/input";
import { ApiError, ApprovalPendingError } from "@/lib/queries/fetch-json";
import { useRemoveOrgUser } from "@/lib/queries/org-users";
import { reasonProblem } from "@/lib/schemas/text-rules";
import type { OrgUser } from "@/lib/schemas/org-users";

interface RemoveUserDialogProps {
  user: Pick<OrgUser, "id" | "email">;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRemoved?: () => void;
}

/** Removing a user cannot be undone: the email must be typed and a reason given before it is sent. */
export function RemoveUserDialog({ user, open, onOpenChange, onRemoved }: RemoveUserDialogProps) {
  const [confirmEmail, setConfirmEmail] = useState("");
  const [reason, setReason] = useState("");
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const removal = useRemoveOrgUser(user.id);

  // The server compares the same way: same address, any letter case.
  const isEmailTyped = confirmEmail.trim().toLowerCase() === user.email.toLowerCase();
  const isReasonOk = !reasonProblem(reason);
  const canSubmit = isEmailTyped && isReasonOk && !removal.isPending;

  function changeOpen(next: boolean) {
    if (removal.isPending) return;
    if (!next) {
      setConfirmEmail("");
      setReason("");
      setServerError(null);
    }
    onOpenChange(next);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setServerError(null);
    try {
      const { notice } = await removal.mutateAsync({
        confirmEmail: confirmEmail.trim(),
        reason: reason.trim(),
      });
      toast.success(
        `${user.email} was removed from the organization.`,
        notice ? { description: notice } : undefined,
      );
      changeOpen(false);
      onRemoved?.();
    } catch (error) {
      setServerError(
        error instanceof ApiError ? error : new ApiError(0, "internal", "Something went wrong."),
      );
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="Remove this user?"
      description={
        <>
          <strong className="font-semibold text-red-700 dark:text-red-400">This cannot be undone.</strong>{" "}
          {user.email} loses access to the Telnyx organization at once, and the removal is recorded in the
          audit trail with your name and reason.
        </>
      }
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field
          label={`Type ${user.email} to confirm`}
          error={serverError?.fields?.confirmEmail}
          hint={confirmEmail && !isEmailTyped ? "This does not match the user's email yet." : undefined}
        >
          <Input
            value={confirmEmail}
            onChange={(event) => setConfirmEmail(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            name="confirmEmail"
          />
        </Field>
        <Field
          label="Reason (recorded in the audit trail)"
          error={serverError?.fields?.reason}
          hint="At least 3 characters."
        >
          <textarea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            maxLength={500}
            name="reason"
            className={`${inputClassName} h-auto py-2`}
          />
        </Field>
        {serverError instanceof ApprovalPendingError ? (
          <p role="status" className="text-sm font-medium text-slate-700 dark:text-slate-200">
            {serverError.message}
          </p>
        ) : serverError && !serverError.fields ? (
          <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
            {serverError.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => changeOpen(false)} disabled={removal.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!canSubmit}>
            {removal.isPending ? "Removing…" : "Remove user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
