import { AlertTriangle, Inbox, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";

export function LoadingPanel({ label = "Loading…" }: { label?: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex items-center justify-center gap-2 p-10 text-sm text-slate-600 dark:text-slate-400"
    >
      <Loader2 aria-hidden className="size-4 animate-spin" />
      {label}
    </div>
  );
}

export function EmptyPanel({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 p-10 text-center text-sm text-slate-600 dark:text-slate-400">
      <Inbox aria-hidden className="size-6" />
      <p className="font-medium text-slate-700 dark:text-slate-200">{title}</p>
      {children}
    </div>
  );
}

export function ErrorPanel({
  message,
  onRetry,
  isRetrying,
}: {
  message: string;
  onRetry?: () => void;
  isRetrying?: boolean;
}) {
  return (
    <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center text-sm">
      <AlertTriangle aria-hidden className="size-6 text-red-600" />
      <p className="max-w-md text-slate-700 dark:text-slate-200">{message}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? "Retrying…" : "Try again"}
        </Button>
      ) : null}
    </div>
  );
}

interface ListQuery<Data> {
  data: Data | undefined;
  isError: boolean;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * A list's three states before its table: loading, failed (with a retry), empty. Data already on screen wins
 * over a failed background refresh; a first load that fails shows the error.
 */
export function ListStates<Data>({
  query,
  noun,
  isEmpty,
  empty,
  children,
}: {
  query: ListQuery<Data>;
  /** What the list holds, plural: "Loading jobs…", "The jobs could not be loaded: …". */
  noun: string;
  isEmpty: (data: Data) => boolean;
  empty: React.ReactNode;
  children: (data: Data) => React.ReactNode;
}) {
  if (query.data !== undefined) return isEmpty(query.data) ? empty : children(query.data);
  if (query.isError) {
    return (
      <ErrorPanel
        message={`The ${noun} could not be loaded: ${query.error?.message ?? "unknown error"}`}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    );
  }
  return <LoadingPanel label={`Loading ${noun}…`} />;
}
