"use client";

import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/state-panels";

// Reached only when rendering itself fails; upstream errors are shown by the table with a retry.
export default function UsersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <ErrorPanel message="This page could not be shown. Try again in a moment." onRetry={reset} />
    </Card>
  );
}
