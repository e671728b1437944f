"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { usePermission, useStaff } from "@/components/shell/staff-context";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { decisionsCsvUrl, useCloseAccessReview, useRunRemovals } from "@/lib/queries/access-reviews";
import { ApiError } from "@/lib/queries/fetch-json";
import type { AccessReview } from "@/lib/schemas/access-reviews";

function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  isPending,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  isPending: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (!next && !isPending ? onCancel() : undefined)}
      title={title}
      description={description}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <DialogFooter
          error={error ?? undefined}
          isPending={isPending}
          confirmLabel={confirmLabel}
          pendingLabel="Working…"
          variant="danger"
          onCancel={onCancel}
        />
      </form>
    </Dialog>
  );
}

/** The first few left undecided by name, the rest counted: a toast must not cover the page. */
function undecidedLine(emails: string[]): string {
  const named = emails.slice(0, 3).join(", ");
  return emails.length > 3
    ? `Left undecided: ${named} and ${emails.length - 3} more.`
    : `Left undecided: ${named}.`;
}

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : "Something went wrong.");

/** Run the removals (admin), close (owner or admin), and the decisions CSV. */
export function CampaignActions({ review }: { review: AccessReview }) {
  const staff = useStaff();
  const removePermission = usePermission("users.remove");
  const exportPermission = usePermission("users.export");
  const [dialog, setDialog] = useState<"remove" | "close" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const removals = useRunRemovals(review.id);
  const close = useCloseAccessReview(review.id);
  const undecided = review.total - review.decided;

  const removeReason =
    removePermission.reason ||
    (review.removalsPending === 0 ? "No one is waiting to be removed: mark people for removal first." : "");
  const isOwner = review.ownerEmail.toLowerCase() === staff.email.toLowerCase();
  const closeReason =
    review.status !== "open"
      ? "This review is closed."
      : isOwner || staff.role === "admin"
        ? ""
        : "Only the review's owner or an admin can close it.";

  const cancel = () => {
    setDialog(null);
    setError(null);
  };
  async function runRemovals() {
    try {
      const { data } = await removals.mutateAsync();
      setJobId(data.id);
      toast.success(`Removal job started for ${data.total} people.`);
      cancel();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }
  async function closeReview() {
    try {
      const { data } = await close.mutateAsync();
      toast.success(
        "Review closed.",
        data.undecided.length > 0 ? { description: undecidedLine(data.undecided) } : undefined,
      );
      cancel();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <DisabledReason reason={removeReason}>
        <Button variant="danger" size="sm" disabled={removeReason !== ""} onClick={() => setDialog("remove")}>
          Run removals ({review.removalsPending})
        </Button>
      </DisabledReason>
      <DisabledReason reason={closeReason}>
        <Button
          variant="secondary"
          size="sm"
          disabled={closeReason !== ""}
          onClick={() => setDialog("close")}
        >
          Close review
        </Button>
      </DisabledReason>
      <DisabledReason reason={exportPermission.reason}>
        {exportPermission.allowed ? (
          <a
            href={decisionsCsvUrl(review.id)}
            download
            className="inline-flex h-8 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
          >
            <Download aria-hidden className="size-4" />
            Decisions CSV
          </a>
        ) : (
          <Button variant="secondary" size="sm" disabled>
            <Download aria-hidden className="size-4" />
            Decisions CSV
          </Button>
        )}
      </DisabledReason>
      {jobId ? (
        <Link
          href={`/jobs/${jobId}`}
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          Follow the removal job
        </Link>
      ) : null}
      <ConfirmDialog
        open={dialog === "remove"}
        title={`Remove ${review.removalsPending} people?`}
        description="They lose access to the Telnyx organization. This runs as one bulk job and cannot be undone; each removal is recorded in the audit trail."
        confirmLabel="Start removal job"
        isPending={removals.isPending}
        error={error}
        onCancel={cancel}
        onConfirm={runRemovals}
      />
      <ConfirmDialog
        open={dialog === "close"}
        title="Close this review?"
        description={
          undecided > 0
            ? `${undecided} people are still undecided: they stay undecided in the decisions CSV. No more decisions can be recorded.`
            : "No more decisions can be recorded."
        }
        confirmLabel="Close review"
        isPending={close.isPending}
        error={error}
        onCancel={cancel}
        onConfirm={closeReview}
      />
    </div>
  );
}
