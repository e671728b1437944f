"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, useSyncExternalStore } from "react";
import { isToasterWanted, subscribeToToasterDemand } from "@/lib/queries/notify";
import { makeQueryClient } from "@/lib/queries/query-client";

// The browser-side providers of the signed-in pages (the console's StaffProvider and the MFA enrolment page
// start them), not of the root layout: the sign-in page and the bare not-found page download none of it.
// The toaster (sonner) loads with the first toast, since a toast only ever answers something the person did.
// zod's CSP setting lives with the schemas (lib/schemas/common.ts).
const ThemedToaster = dynamic(
  () => import("@/components/ui/themed-toaster").then((module) => module.ThemedToaster),
  { ssr: false },
);

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState<QueryClient>(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>{children}</NuqsAdapter>
      <ToasterWhenWanted />
    </QueryClientProvider>
  );
}

function ToasterWhenWanted() {
  const isWanted = useSyncExternalStore(subscribeToToasterDemand, isToasterWanted, () => false);
  return isWanted ? <ThemedToaster /> : null;
}
