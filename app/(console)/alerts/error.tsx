"use client";

import { usePathname } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/state-panels";

// Reached only when rendering itself fails; the lists show their own load errors. It serves the delivery log
// below too: an error.tsx of its own there was a second chunk (a copy of these panels) on its first load.
export default function AlertsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const what = usePathname().startsWith("/alerts/deliveries") ? "The delivery log" : "The alerts";
  return (
    <Card>
      <ErrorPanel message={`${what} could not be shown. Try again in a moment.`} onRetry={reset} />
    </Card>
  );
}
