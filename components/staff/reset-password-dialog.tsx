"use client";

import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { useUpdateStaff } from "@/lib/queries/staff";
import type { StaffDto } from "@/lib/schemas/staff";
import { minStaffPasswordLength } from "@/lib/schemas/feature-values";
import { describeStaffError } from "./field-errors";
import { StaffPasswordField } from "./staff-password-field";

interface ResetPasswordDialogProps {
  person: StaffDto;
  open: boolean;
  isSelf: boolean;
  onOpenChange: (open: boolean) => void;
}

export function ResetPasswordDialog({ person, open, isSelf, onOpenChange }: ResetPasswordDialogProps) {
  const [password, setPassword] = useState("");
  const [localError, setLocalError] = useState<string>();
  const update = useUpdateStaff(person.id);
  const failure = describeStaffError(update.error);
  const close = (next: boolean) => {
    if (update.isPending) return;
    if (!next) {
      setPassword("");
      setLocalError(undefined);
      update.reset();
    }
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={`Reset the password of ${person.email}?`}
      description={
        isSelf
          ? "This ends every session you have, this one included: you will sign in again with the new password."
          : "Their open sessions end at their next request; they sign in again with the new password."
      }
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (password.length < minStaffPasswordLength) {
            setLocalError(`Use at least ${minStaffPasswordLength} characters.`);
            return;
          }
          setLocalError(undefined);
          update.mutate(
            { password },
            {
              onSuccess: () => {
                toast.success(`The password of ${person.email} was reset.`);
                close(false);
              },
            },
          );
        }}
      >
        <StaffPasswordField
          label="New password"
          value={password}
          error={localError ?? failure.fields.password}
          onChange={setPassword}
        />
        <DialogFooter
          error={failure.message}
          isPending={update.isPending}
          confirmLabel="Reset password"
          pendingLabel="Resetting…"
          variant="danger"
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
