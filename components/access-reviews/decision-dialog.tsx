"use client";

import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClassName } from "@/components/ui/input";
import { useDecideItems } from "@/lib/queries/access-reviews";
import { ApiError } from "@/lib/queries/fetch-json";
import type { AccessReviewDecision } from "@/lib/schemas/access-reviews";
import { reasonProblem } from "@/lib/schemas/text-rules";

export interface PendingDecision {
  decision: AccessReviewDecision;
  items: { id: string; email: string }[];
}

/**
 * One dialog for both decisions, so keeping is as quick as removing: keep needs a reason (the evidence an
 * auditor reads), remove may give one. Nothing is removed here; an admin runs the removals afterwards.
 */
export function DecisionDialog({
  reviewId,
  pending,
  onClose,
  onDecided,
}: {
  reviewId: string;
  pending: PendingDecision | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const decide = useDecideItems(reviewId);
  const isKeep = pending?.decision === "keep";
  const trimmed = reason.trim();
  const isReasonOk = trimmed === "" ? !isKeep : !reasonProblem(reason);
  const count = pending?.items.length ?? 0;
  const who = count === 1 ? pending!.items[0]!.email : `${count} people`;

  function changeOpen(next: boolean) {
    if (next || decide.isPending) return;
    setReason("");
    setError(null);
    onClose();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!pending || !isReasonOk) return;
    setError(null);
    try {
      const { data } = await decide.mutateAsync({
        itemIds: pending.items.map((item) => item.id),
        decision: pending.decision,
        ...(trimmed ? { reason: trimmed } : {}),
      });
      toast.success(
        `${isKeep ? "Kept" : "Marked for removal"}: ${who}.`,
        data.closed ? { description: "Everyone is decided: the review is closed." } : undefined,
      );
      setReason("");
      onClose();
      onDecided();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", "Something went wrong."));
    }
  }

  return (
    <Dialog
      open={pending !== null}
      onOpenChange={changeOpen}
      title={isKeep ? `Keep ${who}?` : `Mark ${who} for removal?`}
      description={
        isKeep
          ? "They keep their access. Say why: the reason is the review's evidence."
          : "They are removed when an admin runs this review's removals, as one job."
      }
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field
          label={isKeep ? "Reason (required)" : "Reason (optional)"}
          error={error?.fields?.reason}
          hint="At least 3 characters; recorded with the decision and in the audit trail."
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
        <DialogFooter
          error={error && !error.fields?.reason ? error.message : undefined}
          isPending={decide.isPending}
          confirmLabel={isKeep ? "Keep" : "Mark for removal"}
          pendingLabel="Saving…"
          variant={isKeep ? "primary" : "danger"}
          onCancel={() => changeOpen(false)}
          isConfirmDisabled={!isReasonOk}
        />
      </form>
    </Dialog>
  );
}
