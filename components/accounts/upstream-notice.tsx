"use client";

import dynamic from "next/dynamic";

// The notice's text, countdown and spinner load with the first retry: most page loads never see one.
const RetryNotice = dynamic(() => import("./retry-notice").then((module) => module.RetryNotice), {
  ssr: false,
});

/**
 * While a query is being retried after a failure, says why and when: a rate limit counts down the
 * Retry-After the console passed on; anything else says a retry is under way (./retry-notice.tsx). Only
 * while a retry really is under way: a failure that is not retried (a 404, or the last attempt) leaves
 * `failureCount` set but the query idle, and then the page's own error panel speaks alone.
 */
export function UpstreamNotice({
  failureCount,
  failureReason,
  fetchStatus,
}: {
  failureCount: number;
  failureReason: unknown;
  fetchStatus: "fetching" | "paused" | "idle";
}) {
  if (failureCount === 0 || !failureReason || fetchStatus !== "fetching") return null;
  return <RetryNotice failureCount={failureCount} failureReason={failureReason} />;
}
