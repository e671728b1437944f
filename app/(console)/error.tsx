"use client";

import { usePathname } from "next/navigation";
import { ErrorContent } from "@/components/shell/error-content";

// Which part of the console failed, by address (the longest prefix first).
const sections: [prefix: string, what: string][] = [
  ["/alerts/deliveries", "The delivery log"],
  ["/alerts", "The alerts"],
  ["/approvals", "The approval requests"],
  ["/audit", "The audit trail"],
  ["/balances", "The balances"],
  ["/jobs", "The jobs"],
];

/*
 * A console page that failed to render (its data is shown with its own errors and retry, so this is for a
 * page whose rendering itself failed), shown inside the shell. The one boundary for every console page: each
 * error.tsx is a chunk every page below it loads up front, and each carried its own copy of these panels.
 */
export default function ConsoleError(props: { error: Error & { digest?: string }; reset: () => void }) {
  const pathname = usePathname();
  const what = sections.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1];
  return <ErrorContent {...props} what={what} />;
}
