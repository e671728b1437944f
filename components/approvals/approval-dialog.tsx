"use client";

import { useState } from "react";
import { ReasonField } from "@/components/accounts/reason-field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Timestamp } from "@/components/ui/timestamp";
import { useDecideApproval, useReviewBreakGlass, type ApprovalDecision } from "@/lib/queries/approvals";
import { toast } from "@/lib/queries/notify";
import type { ApprovalDto } from "@/lib/schemas/approvals";
import { reasonProblem } from "@/lib/schemas/text-rules";
import { ApprovalStatusBadge } from "./approval-labels";

const doneText: Record<ApprovalDecision, string> = {
  approve: "Approved: the request ran.",
  deny: "Denied: nothing was changed.",
  "break-glass": "Break-glass: the request ran and is flagged until another admin reviews it.",
};

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[9rem_1fr] sm:gap-3">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-sm break-words">{children}</dd>
    </div>
  );
}

/** One request in full, and what this person may do with it: approve or deny, break glass, or review. */
export function ApprovalDialog({
  approval,
  onOpenChange,
}: {
  approval: ApprovalDto;
  onOpenChange: (open: boolean) => void;
}) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const decide = useDecideApproval(approval.id);
  const review = useReviewBreakGlass(approval.id);
  const isPending = decide.isPending || review.isPending;
  const isOwnPending = approval.status === "pending" && !approval.canApprove;
  const canDecide = approval.canApprove || approval.canBreakGlass || isOwnPending;

  const run = (decision: ApprovalDecision) => {
    const problem = reasonProblem(reason);
    if (problem) return setReasonError(problem);
    setReasonError(undefined);
    decide.mutate(
      { decision, reason: reason.trim() },
      {
        onSuccess: () => {
          toast.success(doneText[decision]);
          onOpenChange(false);
        },
      },
    );
  };
  const failure = decide.error?.message ?? review.error?.message;

  return (
    <Dialog
      open
      onOpenChange={(open) => !isPending && onOpenChange(open)}
      title={approval.summary}
      description={
        approval.canApprove || approval.canBreakGlass
          ? "Approving runs this exact request as you, on behalf of the person who asked; any change to it would have made a new request."
          : "What was asked for, by whom, and what became of it."
      }
    >
      <dl className="flex flex-col gap-2">
        <Detail label="Status">
          <ApprovalStatusBadge approval={approval} />
        </Detail>
        <Detail label="Asked by">{approval.requestedBy.email}</Detail>
        <Detail label="Their reason">{approval.reason}</Detail>
        <Detail label="Asked">
          <Timestamp value={approval.createdAt} />
        </Detail>
        <Detail label="Expires">
          <Timestamp value={approval.expiresAt} />
        </Detail>
        {approval.decidedBy ? (
          <Detail label="Decided by">
            {approval.decidedBy.email}: {approval.decisionReason}
          </Detail>
        ) : null}
        {approval.reviewedBy ? <Detail label="Reviewed by">{approval.reviewedBy}</Detail> : null}
      </dl>
      {approval.canBreakGlass ? (
        <p
          role="note"
          className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          Nobody else holds the permission to approve this. You may break glass: it runs now, and it stays
          flagged in the audit trail and on the overview until another admin reviews it.
        </p>
      ) : isOwnPending ? (
        <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          You asked for this: another staff member must approve it. You can withdraw it (deny).
        </p>
      ) : null}
      {canDecide ? (
        <form
          noValidate
          className="mt-4"
          onSubmit={(event) => {
            event.preventDefault();
            run(approval.canApprove ? "approve" : approval.canBreakGlass ? "break-glass" : "deny");
          }}
        >
          <ReasonField value={reason} onChange={setReason} error={reasonError} />
          {failure ? (
            <p role="alert" className="mt-3 text-sm font-medium text-red-600 dark:text-red-400">
              {failure}
            </p>
          ) : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={isPending}>
              Cancel
            </Button>
            <Button variant="secondary" onClick={() => run("deny")} disabled={isPending}>
              {isOwnPending ? "Withdraw" : "Deny"}
            </Button>
            {approval.canApprove ? (
              <Button type="submit" disabled={isPending}>
                {decide.isPending ? "Working…" : "Approve and run"}
              </Button>
            ) : null}
            {approval.canBreakGlass ? (
              <Button type="submit" variant="danger" disabled={isPending}>
                {decide.isPending ? "Working…" : "Break glass and run"}
              </Button>
            ) : null}
          </div>
        </form>
      ) : approval.canReview ? (
        <div className="mt-5 flex justify-end gap-2">
          {failure ? (
            <p role="alert" className="mr-auto text-sm font-medium text-red-600 dark:text-red-400">
              {failure}
            </p>
          ) : null}
          <Button
            onClick={() =>
              review.mutate(undefined, {
                onSuccess: () => {
                  toast.success("Marked reviewed.");
                  onOpenChange(false);
                },
              })
            }
            disabled={isPending}
          >
            Mark reviewed
          </Button>
        </div>
      ) : null}
    </Dialog>
  );
}
