"use client";

import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/state-panels";

// Reached only when rendering itself fails; the list shows its own load errors.
export default function ApprovalsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <ErrorPanel
        message="The approval requests could not be shown. Try again in a moment."
        onRetry={reset}
      />
    </Card>
  );
}
