"use client";

import { overviewLinkClassName, StatusPanel } from "./status-panel";

const tryAgainClassName =
  "inline-flex h-10 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 transition-colors hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

interface ErrorContentProps {
  error: Error & { digest?: string };
  reset: () => void;
  isStandalone?: boolean;
  /** What could not be shown, when the boundary knows ("The audit trail"); "This page" otherwise. */
  what?: string;
}

/** What a page that failed to render shows: never the error's own text (it may hold internals). */
export function ErrorContent({ error, reset, isStandalone = false, what = "This page" }: ErrorContentProps) {
  return (
    <StatusPanel kicker="Error" title={`${what} could not be shown`} isStandalone={isStandalone}>
      <p role="alert">
        Something went wrong on our side. Try again, or go back to the overview.
        {error.digest ? (
          <>
            {" "}
            If it keeps happening, quote reference <code className="font-mono">{error.digest}</code>.
          </>
        ) : null}
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        {/* Button's secondary look, written out: each error boundary is a chunk of its own that every page
            loads, and each carried its own copy of components/ui/button.tsx. */}
        <button type="button" onClick={reset} className={tryAgainClassName}>
          Try again
        </button>
        {/* A full load, not a client navigation: after a failure the overview starts from a clean page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add ~3 kB to every page */}
        <a href="/" className={overviewLinkClassName}>
          Go to the overview
        </a>
      </div>
    </StatusPanel>
  );
}
