import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import { DORMANT_DAYS, isDormant } from "./sign-in-age";

/** Relative time (or "never") with a dormant mark; the exact UTC time is in the title. */
export function LastSignIn({ lastSignInAt }: { lastSignInAt: string | null }) {
  const dormant = isDormant(lastSignInAt);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {lastSignInAt === null ? (
        <span className="text-slate-500 italic dark:text-slate-400">never</span>
      ) : (
        // "12 days ago" once in the browser (the server renders the date, which "now" cannot change).
        <Timestamp value={lastSignInAt} relative />
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
