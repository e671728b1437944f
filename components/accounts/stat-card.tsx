import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { Card, CardTitle } from "@/components/ui/card";

const numberFormat = new Intl.NumberFormat("en");

interface StatCardProps {
  title: string;
  /** The figure, or the reason it could not be read. */
  value: number | { error: string };
  note?: string;
  /** Where the figure's list is, with a name saying so: three links all named "Open" tell a screen reader nothing. */
  link?: { href: string; label: string };
  testId: string;
}

/** One overview figure; an upstream failure shows in the card itself, the others still render. */
export function StatCard({ title, value, note, link, testId }: StatCardProps) {
  return (
    <Card data-testid={testId}>
      <CardTitle>{title}</CardTitle>
      {typeof value === "number" ? (
        <p className="mt-2 text-3xl font-semibold tabular-nums" data-testid={`${testId}-value`}>
          {numberFormat.format(value)}
        </p>
      ) : (
        <p role="alert" className="mt-2 flex items-start gap-2 text-sm text-red-700 dark:text-red-400">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          {value.error} Reload the page to try again.
        </p>
      )}
      {note ? <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{note}</p> : null}
      {link ? (
        <Link
          href={link.href}
          className="mt-2 inline-block text-sm font-medium text-brand-700 underline hover:no-underline dark:text-brand-300"
        >
          {link.label}
        </Link>
      ) : null}
    </Card>
  );
}
