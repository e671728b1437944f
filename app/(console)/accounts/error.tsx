"use client";

import { ErrorPanel } from "@/components/ui/state-panels";

// Only reached when rendering itself fails; upstream trouble is shown inside the page by its queries.
export default function AccountsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorPanel
      message={`This page could not be shown${error.digest ? ` (reference ${error.digest})` : ""}. Try again, or reload.`}
      onRetry={reset}
    />
  );
}
