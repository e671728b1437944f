"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { accessReviewOptions } from "@/lib/queries/org-users";
import { orgUserReviewParsers, toAccessReviewQuery } from "@/lib/queries/org-users-url-state";
import type { ReviewKind, UserStatus } from "@/lib/schemas/org-users";
import { ReviewSummary } from "./review-summary";
import { ReviewTable } from "./review-table";
import { UsersToolbar } from "./users-toolbar";

/** /users/review: counts, filters in the URL, and the flagged users with the same safe remove. */
export function AccessReview() {
  const [state, setState] = useQueryStates(orgUserReviewParsers, { history: "push" });
  const query = toAccessReviewQuery(state);
  const review = useQuery(accessReviewOptions(query));

  const setEmail = useCallback((email: string) => setState({ email: email.trim() || null }), [setState]);
  const setStatus = useCallback((status: UserStatus | null) => setState({ status }), [setState]);
  const setKind = useCallback((kind: ReviewKind | null) => setState({ kind }), [setState]);
  const clearFilters = useCallback(() => setState({ kind: null, status: null, email: null }), [setState]);

  if (review.isPending) return <LoadingPanel label="Reading the users and groups report…" />;
  if (review.isError) {
    return (
      <Card>
        <ErrorPanel
          message={review.error.message}
          onRetry={() => review.refetch()}
          isRetrying={review.isFetching}
        />
      </Card>
    );
  }
  const { data, meta } = review.data;
  return (
    <div className="flex flex-col gap-4">
      <ReviewSummary
        counts={meta.counts}
        usersInReport={meta.usersInReport}
        kind={state.kind}
        onKindChange={setKind}
      />
      <Card className="flex flex-col gap-4 px-0! pt-4 pb-0!">
        <div className="px-4">
          <UsersToolbar
            email={state.email}
            status={state.status}
            onEmailChange={setEmail}
            onStatusChange={setStatus}
            onClear={clearFilters}
          />
        </div>
        <div aria-busy={review.isFetching} className={review.isPlaceholderData ? "opacity-60" : undefined}>
          {data.length === 0 ? (
            <EmptyPanel title="Nobody to review with these filters">
              <Button variant="secondary" size="sm" onClick={clearFilters}>
                Clear filters
              </Button>
            </EmptyPanel>
          ) : (
            <ReviewTable users={data} />
          )}
        </div>
        <p
          className="px-4 pb-3 text-xs text-slate-500 dark:text-slate-400"
          aria-live="polite"
          data-testid="review-shown"
        >
          {data.length} {data.length === 1 ? "user" : "users"} listed
        </p>
      </Card>
    </div>
  );
}
