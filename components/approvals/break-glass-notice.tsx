import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { listUnreviewedBreakGlass } from "@/lib/approvals/list";
import { formatDateTime } from "@/lib/format/date";
import { describeApproval } from "@/lib/approvals/dto";

/**
 * The overview's loud line for break-glass executions no other admin has reviewed yet (a server component:
 * one indexed read). Nothing at all when there are none.
 */
export async function BreakGlassNotice() {
  const rows = await listUnreviewedBreakGlass();
  if (rows.length === 0) return null;
  return (
    <section
      aria-labelledby="break-glass-heading"
      data-testid="break-glass-notice"
      className="rounded-lg border-2 border-red-600 bg-red-50 p-4 text-red-950 dark:border-red-500 dark:bg-red-950 dark:text-red-50"
    >
      <h2 id="break-glass-heading" className="flex items-center gap-2 text-lg font-semibold">
        <ShieldAlert aria-hidden className="size-5" />
        {rows.length === 1 ? "A break-glass action" : `${rows.length} break-glass actions`} not yet reviewed
      </h2>
      <p className="mt-1 text-sm">
        These ran without a second approver because nobody else could approve them. Another admin should look
        at each and mark it reviewed.
      </p>
      <ul className="mt-2 list-disc pl-5 text-sm">
        {rows.map((row) => (
          <li key={row.id}>
            {describeApproval(row)}, by {row.requestedByEmail},{" "}
            {formatDateTime(row.decidedAt ?? row.createdAt)}
          </li>
        ))}
      </ul>
      <Link
        href="/approvals?status=all"
        className="mt-2 inline-block text-sm font-medium underline underline-offset-2"
      >
        Review them on the approvals page
      </Link>
    </section>
  );
}
