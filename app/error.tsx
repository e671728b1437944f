"use client";

import { ErrorContent } from "@/components/shell/error-content";

// Reached when the console shell itself failed (its layout threw): this page brings its own frame.
export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorContent {...props} isStandalone />;
}
