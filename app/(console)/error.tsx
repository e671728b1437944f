"use client";

import { ErrorContent } from "@/components/shell/error-content";

// A console page that failed to render, shown inside the shell; some lists keep their own error.tsx.
export default function ConsoleError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorContent {...props} />;
}
