"use client";

import { Button } from "@/components/ui/button";
import { overviewLinkClassName, StatusPanel } from "./status-panel";

interface ErrorContentProps {
  error: Error & { digest?: string };
  reset: () => void;
  isStandalone?: boolean;
}

/** What a page that failed to render shows: never the error's own text (it may hold internals). */
export function ErrorContent({ error, reset, isStandalone = false }: ErrorContentProps) {
  return (
    <StatusPanel kicker="Error" title="This page could not be shown" isStandalone={isStandalone}>
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
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
        {/* A full load, not a client navigation: after a failure the overview starts from a clean page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add ~3 kB to every page */}
        <a href="/" className={overviewLinkClassName}>
          Go to the overview
        </a>
      </div>
    </StatusPanel>
  );
}
