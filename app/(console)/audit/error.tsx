"use client";

import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/state-panels";

// Reached only when rendering itself fails (the database is down, say); list errors have their own retry.
export default function AuditError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <ErrorPanel message="The audit trail could not be shown. Try again in a moment." onRetry={reset} />
    </Card>
  );
}
