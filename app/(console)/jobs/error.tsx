"use client";

import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/state-panels";

// Reached only when rendering itself fails; the lists and the job page show their own load errors.
export default function JobsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <ErrorPanel message="The jobs could not be shown. Try again in a moment." onRetry={reset} />
    </Card>
  );
}
