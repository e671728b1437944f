"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePermission } from "@/components/shell/staff-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { accessReviewOptions } from "@/lib/queries/access-reviews";
import type { AccessReviewItem, AccessReviewItemsQuery } from "@/lib/schemas/access-reviews";
import { defaultListPageSize } from "@/lib/schemas/values";
import { CampaignActions } from "./campaign-actions";
import { CampaignItems } from "./campaign-items";
import { CampaignProgress } from "./campaign-progress";
import { DecisionDialog, type PendingDecision } from "./decision-dialog";

const filters = [
  { value: undefined, label: "All" },
  { value: "undecided", label: "Undecided" },
  { value: "keep", label: "Kept" },
  { value: "remove", label: "To remove" },
] as const;

/** One campaign: progress, its actions, and its people to decide (one at a time or several at once). */
export function CampaignPanel({ reviewId }: { reviewId: string }) {
  const permission = usePermission("users.export");
  const [query, setQuery] = useState<AccessReviewItemsQuery>({ page: 1, pageSize: defaultListPageSize });
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const detail = useQuery(accessReviewOptions(reviewId, query));

  if (detail.isPending) return <LoadingPanel label="Loading the review…" />;
  if (detail.isError) {
    return (
      <Card>
        <ErrorPanel
          message={detail.error.message}
          onRetry={() => detail.refetch()}
          isRetrying={detail.isFetching}
        />
      </Card>
    );
  }
  const { data: review, items, meta } = detail.data;
  const isOpen = review.status === "open";

  const toggle = (item: AccessReviewItem) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(item.id)) next.delete(item.id);
      else next.set(item.id, item.email);
      return next;
    });
  const togglePage = (isSelected: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const item of items.filter((entry) => entry.jobId === null)) {
        if (isSelected) next.set(item.id, item.email);
        else next.delete(item.id);
      }
      return next;
    });
  const decideSelected = (decision: "keep" | "remove") =>
    setPending({ decision, items: [...selected].map(([id, email]) => ({ id, email })) });

  return (
    <Card className="flex flex-col gap-4 px-0! pt-4 pb-0!" data-testid="campaign-panel">
      <div className="flex flex-col gap-3 px-4">
        <h2 className="text-lg font-semibold">{review.name}</h2>
        <CampaignProgress review={review} />
        <CampaignActions review={review} />
        <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
          {filters.map((filter) => (
            <Button
              key={filter.label}
              size="sm"
              variant={query.decision === filter.value ? "primary" : "ghost"}
              aria-pressed={query.decision === filter.value}
              onClick={() => setQuery({ ...query, decision: filter.value, page: 1 })}
            >
              {filter.label}
            </Button>
          ))}
        </div>
        {isOpen && selected.size > 0 ? (
          <div
            className="flex flex-wrap items-center gap-2 rounded-md bg-slate-100 p-2 text-sm dark:bg-slate-800"
            data-testid="selection-bar"
          >
            <span aria-live="polite">{selected.size} selected</span>
            <Button size="sm" onClick={() => decideSelected("keep")}>
              Keep selected
            </Button>
            <Button size="sm" variant="danger" onClick={() => decideSelected("remove")}>
              Remove selected
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Map())}>
              Clear
            </Button>
          </div>
        ) : null}
        {isOpen && !permission.allowed ? (
          <DisabledReason reason={permission.reason}>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              You can read this review but not decide.
            </p>
          </DisabledReason>
        ) : null}
      </div>
      <div aria-busy={detail.isFetching} className={detail.isPlaceholderData ? "opacity-60" : undefined}>
        {items.length === 0 ? (
          <EmptyPanel title="No one here with this filter" />
        ) : (
          <CampaignItems
            items={items}
            selected={selected}
            isOpen={isOpen}
            canDecide={permission.allowed}
            onToggle={toggle}
            onTogglePage={togglePage}
            onDecide={(decision, chosen) => setPending({ decision, items: chosen })}
          />
        )}
      </div>
      <div className="px-1 pb-3">
        <ListPagination
          meta={meta}
          noun="people"
          onPageChange={(page) => setQuery({ ...query, page })}
          onPageSizeChange={(pageSize) => setQuery({ ...query, pageSize, page: 1 })}
        />
      </div>
      <DecisionDialog
        reviewId={review.id}
        pending={pending}
        onClose={() => setPending(null)}
        onDecided={() => setSelected(new Map())}
      />
    </Card>
  );
}
