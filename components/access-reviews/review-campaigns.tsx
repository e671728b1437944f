"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { useState } from "react";
import { usePermission } from "@/components/shell/staff-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useHasOpened } from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { accessReviewsOptions } from "@/lib/queries/access-reviews";
import { Timestamp } from "@/components/ui/timestamp";

// A campaign's panel (its items, decisions and their dialog) is fetched when one is chosen; its answer is
// fetched in the browser too, so "Loading the review…" shows while either is on its way, as before.
const CampaignPanel = dynamic(() => import("./campaign-panel").then((module) => module.CampaignPanel), {
  ssr: false,
  loading: () => <LoadingPanel label="Loading the review…" />,
});
// The start form is fetched when "Start a review" is first pressed.
const StartReviewDialog = dynamic(
  () => import("./start-review-dialog").then((module) => module.StartReviewDialog),
  { ssr: false },
);

/**
 * Review campaigns on /users/review: start one (the people flagged now are frozen into it), pick one to
 * work through. The chosen campaign is in the address (?campaign=id) so it can be shared.
 */
export function ReviewCampaigns() {
  const permission = usePermission("users.export");
  const [campaign, setCampaign] = useQueryState("campaign", parseAsString.withOptions({ history: "push" }));
  const [isStarting, setIsStarting] = useState(false);
  const hasStarted = useHasOpened(isStarting);
  const list = useQuery(accessReviewsOptions());

  return (
    <section aria-labelledby="campaigns-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="campaigns-heading" className="text-base font-semibold">
          Review campaigns
        </h2>
        <DisabledReason reason={permission.reason}>
          <Button size="sm" disabled={!permission.allowed} onClick={() => setIsStarting(true)}>
            Start a review
          </Button>
        </DisabledReason>
      </div>
      {list.isPending ? (
        <LoadingPanel label="Loading review campaigns…" />
      ) : list.isError ? (
        <Card>
          <ErrorPanel
            message={list.error.message}
            onRetry={() => list.refetch()}
            isRetrying={list.isFetching}
          />
        </Card>
      ) : list.data.data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No campaigns yet. Start one to record a keep or remove decision for everyone flagged below.
        </p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="campaign-list">
          {list.data.data.map((review) => (
            <li key={review.id}>
              <button
                type="button"
                aria-current={campaign === review.id ? "true" : undefined}
                onClick={() => setCampaign(campaign === review.id ? null : review.id)}
                className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500 aria-[current]:border-brand-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800"
              >
                <span className="font-medium">{review.name}</span>
                <span className="text-slate-600 dark:text-slate-300">
                  {review.decided}/{review.total} decided
                </span>
                <span className="text-slate-500 dark:text-slate-400">
                  due <Timestamp value={review.dueDate} day />
                </span>
                {review.overdue ? <Badge tone="danger">overdue</Badge> : null}
                <Badge tone={review.status === "open" ? "info" : "neutral"}>{review.status}</Badge>
                <span className="text-slate-500 dark:text-slate-400">{review.ownerName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {campaign ? <CampaignPanel key={campaign} reviewId={campaign} /> : null}
      {hasStarted ? (
        <StartReviewDialog
          open={isStarting}
          onOpenChange={setIsStarting}
          onStarted={(id) => setCampaign(id)}
        />
      ) : null}
    </section>
  );
}
