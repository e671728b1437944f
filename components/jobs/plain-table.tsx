import Link from "next/link";

/** A scrolling table with plain column headers: the jobs list and a job's items. */
export function PlainTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: readonly string[];
  children: React.ReactNode;
}) {
  return (
    // relative: nothing inside may widen the page on a phone; the table scrolls instead.
    <div className="relative overflow-x-auto">
      <table aria-label={label} className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const rowClassName = "border-t border-slate-100 dark:border-slate-800";

/** The row's main link (a job, an account). */
export function RowLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
      {children}
    </Link>
  );
}
