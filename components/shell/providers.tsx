"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState } from "react";
import { z } from "zod";
import { ThemedToaster } from "@/components/ui/themed-toaster";
import { makeQueryClient } from "@/lib/queries/query-client";

// zod 4 probes for eval support (`new Function("")`) the first time it parses an object, to compile a fast
// path. Under our CSP (no 'unsafe-eval') the probe fails harmlessly but still raises a CSP violation
// report on every page that validates anything: tell zod not to try.
z.config({ jitless: true });

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState<QueryClient>(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>{children}</NuqsAdapter>
      <ThemedToaster />
    </QueryClientProvider>
  );
}
