"use client";

import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { useUpdateStaff } from "@/lib/queries/staff";
import type { UpdateStaffBody } from "@/lib/schemas/staff";
import { describeStaffError } from "./field-errors";

interface ConfirmChangeDialogProps {
  staffId: string;
  /** The change to send; null keeps the dialog closed. */
  change: UpdateStaffBody | null;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  successMessage: string;
  variant?: "primary" | "danger";
  onClose: () => void;
}

/** A role or status change, confirmed before it is sent; the server's refusal stays in the dialog. */
export function ConfirmChangeDialog({
  staffId,
  change,
  title,
  description,
  confirmLabel,
  pendingLabel,
  successMessage,
  variant = "primary",
  onClose,
}: ConfirmChangeDialogProps) {
  const update = useUpdateStaff(staffId);
  const failure = describeStaffError(update.error);
  const close = () => {
    if (update.isPending) return;
    update.reset();
    onClose();
  };
  return (
    <Dialog
      open={change !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      title={title}
      description={description}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!change) return;
          update.mutate(change, {
            onSuccess: () => {
              toast.success(successMessage);
              update.reset();
              onClose();
            },
          });
        }}
      >
        <DialogFooter
          error={failure.message ?? Object.values(failure.fields).join(" ")}
          isPending={update.isPending}
          confirmLabel={confirmLabel}
          pendingLabel={pendingLabel}
          variant={variant}
          onCancel={close}
        />
      </form>
    </Dialog>
  );
}
