"use client";

import { useEffect, useState } from "react";
import { Loader2 } from "lucide-react";
import { ApiError } from "@/lib/queries/fetch-json";

/** The notice itself, shown by ./upstream-notice.tsx while a retry is under way (loaded then). */
export function RetryNotice({
  failureCount,
  failureReason,
}: {
  failureCount: number;
  failureReason: unknown;
}) {
  const retryAfter = failureReason instanceof ApiError ? failureReason.retryAfter : undefined;
  const isRateLimited = failureReason instanceof ApiError && failureReason.status === 429;
  const seconds = useCountdown(isRateLimited ? (retryAfter ?? 1) : 0, failureCount);
  const message = isRateLimited
    ? seconds > 0
      ? `Telnyx is rate limiting; retrying in ${seconds} s.`
      : "Telnyx is rate limiting; retrying now…"
    : "Telnyx did not answer properly; retrying…";
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="upstream-notice"
      className="flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <Loader2 aria-hidden className="size-4 animate-spin" />
      {message}
    </div>
  );
}

/** Seconds left of `from`, restarting whenever `restartKey` changes (each new failure). */
function useCountdown(from: number, restartKey: number): number {
  const [started, setStarted] = useState({ key: restartKey, from, at: 0 });
  const [now, setNow] = useState(0);
  if (started.key !== restartKey || started.from !== from) setStarted({ key: restartKey, from, at: 0 });
  useEffect(() => {
    if (from <= 0) return;
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 250);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [from, restartKey]);
  // The start is stamped on the first tick after a (re)start, so rendering stays pure.
  if (started.at === 0 && now > 0 && started.key === restartKey) {
    setStarted({ ...started, at: now });
  }
  if (started.at === 0) return from;
  return Math.max(0, Math.ceil(from - (now - started.at) / 1000));
}
