"use client";

import { ErrorContent } from "@/components/shell/error-content";
import "./globals.css";

// Replaces the root layout when that layout itself fails, so it brings <html> and <body> of its own.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorContent {...props} isStandalone />
      </body>
    </html>
  );
}
