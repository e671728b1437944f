import Link from "next/link";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { AttentionCounts } from "@/lib/db/overview";

interface Item {
  key: keyof AttentionCounts;
  count: number;
  text: (count: number) => string;
  href: string | null;
}

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** What needs someone today, most urgent first; items at zero are listed as fine, so the list never lies by omission. */
export function AttentionList({ counts, canSeeStaff }: { counts: AttentionCounts; canSeeStaff: boolean }) {
  const items: Item[] = [
    {
      key: "belowThreshold",
      count: counts.belowThreshold,
      text: (count) => `${plural(count, "account", "accounts")} below the low-balance threshold`,
      href: "/balances?below=true",
    },
    {
      key: "failedJobs",
      count: counts.failedJobs,
      text: (count) => `${plural(count, "bulk job", "bulk jobs")} with failures in the last 7 days`,
      href: "/jobs?status=partial",
    },
    {
      key: "runningJobs",
      count: counts.runningJobs,
      text: (count) => `${plural(count, "bulk job", "bulk jobs")} queued or running`,
      href: "/jobs?status=running",
    },
    {
      key: "openReviews",
      count: counts.openReviews,
      text: (count) => `${plural(count, "access review", "access reviews")} open`,
      href: "/users/review",
    },
    {
      key: "staffNeverSignedIn",
      count: counts.staffNeverSignedIn,
      text: (count) => `${plural(count, "staff member", "staff members")} never signed in`,
      href: canSeeStaff ? "/staff" : null,
    },
  ];
  const pending = items.filter((item) => item.count > 0);
  return (
    <Card>
      <ul
        className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800"
        data-testid="attention-list"
      >
        {[...pending, ...items.filter((item) => item.count === 0)].map((item) => (
          <li
            key={item.key}
            className="flex items-center gap-3 py-2 text-sm"
            data-testid={`attention-${item.key}`}
            data-count={item.count}
          >
            {item.count > 0 ? (
              <AlertTriangle aria-hidden className="size-4 shrink-0 text-amber-700 dark:text-amber-400" />
            ) : (
              <CheckCircle2 aria-hidden className="size-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
            )}
            <span className={item.count > 0 ? "font-medium" : "text-slate-600 dark:text-slate-300"}>
              {item.text(item.count)}
            </span>
            {item.count > 0 && item.href ? (
              <Link
                href={item.href}
                className="ml-auto shrink-0 text-brand-700 underline dark:text-brand-300"
              >
                Open<span className="sr-only">: {item.text(item.count)}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
