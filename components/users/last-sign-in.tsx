import { Badge } from "@/components/ui/badge";
import { DORMANT_DAYS, formatRelativeTime, formatUtc, isDormant } from "./sign-in-age";

/** Relative time (or "never") with a dormant mark; the exact UTC time is in the title. */
export function LastSignIn({ lastSignInAt }: { lastSignInAt: string | null }) {
  const dormant = isDormant(lastSignInAt);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {lastSignInAt === null ? (
        <span className="text-slate-500 italic dark:text-slate-400">never</span>
      ) : (
        // Server and browser render a few seconds apart: the wording may differ by a minute.
        <time dateTime={lastSignInAt} title={formatUtc(lastSignInAt)} suppressHydrationWarning>
          {formatRelativeTime(lastSignInAt)}
        </time>
      )}
      {dormant ? (
        <Badge
          tone="warning"
          title={`No sign-in for ${DORMANT_DAYS} days or more`}
          data-testid="dormant-mark"
        >
          dormant
        </Badge>
      ) : null}
    </span>
  );
}
