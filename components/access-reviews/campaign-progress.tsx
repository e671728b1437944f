import { Badge } from "@/components/ui/badge";
import type { AccessReview } from "@/lib/schemas/access-reviews";
import { Timestamp } from "@/components/ui/timestamp";

/** Decided of total as a bar, with the due date (overdue marked) and the owner. */
export function CampaignProgress({ review }: { review: AccessReview }) {
  const share = review.total === 0 ? 1 : review.decided / review.total;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span data-testid="campaign-progress-text">
          {review.decided} of {review.total} decided
        </span>
        <span className="text-slate-500 dark:text-slate-400">
          {review.kept} kept · {review.removals} to remove
        </span>
        <span className="text-slate-500 dark:text-slate-400">Owner: {review.ownerName}</span>
        <span className={review.overdue ? "font-medium text-red-700 dark:text-red-300" : undefined}>
          Due <Timestamp value={review.dueDate} day />
        </span>
        {review.overdue ? <Badge tone="danger">overdue</Badge> : null}
        <Badge tone={review.status === "open" ? "info" : "neutral"}>{review.status}</Badge>
      </div>
      <div
        role="progressbar"
        aria-label={`${review.name}: decisions`}
        aria-valuemin={0}
        aria-valuemax={review.total}
        aria-valuenow={review.decided}
        aria-valuetext={`${review.decided} of ${review.total} decided`}
        className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full bg-brand-600" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
