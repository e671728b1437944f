import { X } from "lucide-react";
import { Button } from "./button";

// The two parts every streamed download in the console shows (the users report, the accounts export).

/** Stops a download that is still streaming in. */
export function CancelDownloadButton({ onCancel, testId }: { onCancel: () => void; testId?: string }) {
  return (
    <Button variant="ghost" size="sm" onClick={onCancel} data-testid={testId}>
      <X aria-hidden className="size-4" />
      Cancel
    </Button>
  );
}

/** The line read out while a download runs (what has arrived) and once it ends (saved, failed, cancelled). */
export function DownloadStatus({ text, testId }: { text: string; testId: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className="text-xs text-slate-500 dark:text-slate-400"
      data-testid={testId}
    >
      {text}
    </p>
  );
}

/** Bytes received so far, as the download status says them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
