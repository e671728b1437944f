"use client";

import { Button } from "@/components/ui/button";
import { approvalPendingMessage } from "@/lib/queries/fetch-json";

/**
 * Cancel + confirm, with the server's refusal (if any) shown above them. A request held for a second
 * person's approval is not a failure: it reads as a notice.
 */
export function DialogFooter({
  error,
  isPending,
  confirmLabel,
  pendingLabel,
  variant = "primary",
  onCancel,
  isConfirmDisabled = false,
}: {
  error?: string;
  isPending: boolean;
  confirmLabel: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  onCancel: () => void;
  isConfirmDisabled?: boolean;
}) {
  return (
    <>
      {error?.startsWith(approvalPendingMessage) ? (
        <p role="status" className="mt-3 text-sm font-medium text-slate-700 dark:text-slate-200">
          {error}
        </p>
      ) : error ? (
        <p role="alert" className="mt-3 text-sm font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
        <Button type="submit" variant={variant} disabled={isPending || isConfirmDisabled}>
          {isPending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </>
  );
}
