"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { PageCheckbox, RowCheckbox, SortButton, sortDirection, type SortState } from "./data-table-controls";
import { TableScroller } from "./data-table-scroller";

export interface DataColumn<Row> {
  id: string;
  header: string;
  /** The header is read out but not shown (an actions column). */
  isHeaderHidden?: boolean;
  cell: (row: Row) => React.ReactNode;
  /** Extra classes for this column's cells, header included ("text-right", "hidden sm:table-cell"). */
  className?: string;
  sort?: { field: string; firstDirection: "asc" | "desc" };
}

export interface DataSelection<Row> {
  isSelected: (row: Row) => boolean;
  /** Rows that cannot be picked show no box (default: all can). */
  canSelect?: (row: Row) => boolean;
  onToggle: (row: Row) => void;
  onTogglePage: (isSelected: boolean) => void;
}

interface DataTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly DataColumn<Row>[];
  /** Where a row leads: a click on it or Enter on it opens this; its RowLink stays a real link. */
  rowHref?: (row: Row) => string;
  /** Opens the row in place (the audit trail's detail dialog) instead of going to rowHref. */
  onRowOpen?: (row: Row) => void;
  /** Data attributes for tests and for finding a row (data-testid, data-*-id). */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  /** What a row's tick box is named after ("Select a@b.com"). */
  rowLabel: (row: Row) => string;
  selection?: DataSelection<Row>;
  sort?: SortState;
  isBusy?: boolean;
  testId?: string;
}

const cellPadding = "px-3 py-2";
const headerClassName =
  "text-left text-xs font-medium tracking-wide whitespace-nowrap text-slate-600 uppercase dark:text-slate-300";
// Sticky cells need an opaque background of the row's state, or the columns scrolling under them show through.
const stickyClassName = "sticky z-[1] bg-inherit";
// The tick box shares the sticky first cell with the row's name: one sticky column, no offsets to keep in step.
const withBoxClassName = "flex items-start gap-3 [&>input]:mt-0.5 [&>input]:shrink-0";
const shadowClassName = "group-data-scrolled/scroller:shadow-[6px_0_6px_-4px_rgb(0_0_0/0.25)]";
// The row's focus outline is painted under its sticky cell; the cell draws its part of the ring itself
// (over the scroll shadow, hence !).
const stickyFocusClassName =
  "group-focus-visible/row:shadow-[inset_2px_2px_0_0_var(--color-brand-500),inset_0_-2px_0_0_var(--color-brand-500)]!";

/**
 * Every list's table: one header style, sort buttons (aria-sort), optional tick boxes for bulk actions,
 * rows that open by click or Enter, and a sticky first column inside a sideways scroller on narrow screens.
 */
export function DataTable<Row>({
  label,
  rows,
  rowKey,
  columns,
  rowHref,
  onRowOpen,
  rowData,
  rowLabel,
  selection,
  sort,
  isBusy = false,
  testId,
}: DataTableProps<Row>) {
  const router = useRouter();
  const selectable = selection ? rows.filter((row) => selection.canSelect?.(row) ?? true) : [];
  const checkedCount = selection ? selectable.filter((row) => selection.isSelected(row)).length : 0;
  return (
    <TableScroller label={label}>
      <table
        aria-label={label}
        aria-busy={isBusy}
        data-testid={testId}
        className={`w-full text-sm transition-opacity ${isBusy ? "opacity-60" : ""}`}
      >
        <thead>
          <tr className="bg-slate-50 dark:bg-slate-800">
            {columns.map((column, index) => {
              const direction =
                column.sort && sort ? sortDirection(sort.value, column.sort.field) : undefined;
              const sticky = index === 0 ? `${stickyClassName} left-0 ${shadowClassName}` : "";
              const content =
                column.sort && sort ? (
                  <SortButton
                    label={column.header}
                    field={column.sort.field}
                    firstDirection={column.sort.firstDirection}
                    sort={sort}
                  />
                ) : column.isHeaderHidden ? (
                  <span className="sr-only">{column.header}</span>
                ) : (
                  column.header
                );
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={
                    column.sort && sort
                      ? direction === "asc"
                        ? "ascending"
                        : direction === "desc"
                          ? "descending"
                          : "none"
                      : undefined
                  }
                  className={`${cellPadding} ${headerClassName} ${sticky} ${column.className ?? ""}`}
                >
                  {index === 0 && selection ? (
                    <span className={withBoxClassName}>
                      <PageCheckbox
                        checkedCount={checkedCount}
                        pageCount={selectable.length}
                        onChange={selection.onTogglePage}
                      />
                      {content}
                    </span>
                  ) : (
                    content
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const href = rowHref?.(row);
            const open = onRowOpen ? () => onRowOpen(row) : href ? () => router.push(href) : undefined;
            const isSelected = selection?.isSelected(row) ?? false;
            return (
              <tr
                key={rowKey(row)}
                {...rowData?.(row)}
                tabIndex={open ? 0 : undefined}
                onClick={
                  open
                    ? (event) => {
                        const target = event.target as HTMLElement;
                        // Events bubbling through React from a dialog portal, and the row's own controls,
                        // are not a click on the row.
                        if (!event.currentTarget.contains(target)) return;
                        if (target.closest("a, button, input, select, label, [data-disabled-reason]")) return;
                        open();
                      }
                    : undefined
                }
                onKeyDown={
                  open
                    ? (event) => {
                        if (event.key !== "Enter" || event.target !== event.currentTarget) return;
                        // Or the same Enter would also press the first button of a dialog the row opens.
                        event.preventDefault();
                        open();
                      }
                    : undefined
                }
                className={`group/row border-t border-slate-100 align-top dark:border-slate-800 ${
                  isSelected
                    ? "bg-brand-50 dark:bg-slate-800"
                    : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"
                } ${
                  open
                    ? "cursor-pointer focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500"
                    : ""
                }`}
              >
                {columns.map((column, index) => (
                  <td
                    key={column.id}
                    data-first-column={index === 0 ? "" : undefined}
                    className={`${cellPadding} ${
                      index === 0
                        ? `${stickyClassName} left-0 ${shadowClassName} ${stickyFocusClassName} font-medium`
                        : ""
                    } ${column.className ?? ""}`}
                  >
                    {/* On a phone the sticky column keeps about half the width for the rest to scroll under. */}
                    {index === 0 ? (
                      <div className={selection ? withBoxClassName : undefined}>
                        {selection ? (
                          (selection.canSelect?.(row) ?? true) ? (
                            <RowCheckbox
                              label={rowLabel(row)}
                              isChecked={isSelected}
                              onToggle={() => selection.onToggle(row)}
                            />
                          ) : (
                            <span aria-hidden className="size-4 shrink-0" />
                          )
                        ) : null}
                        <div className="max-sm:max-w-[50vw] max-sm:min-w-36 max-sm:[overflow-wrap:anywhere]">
                          {column.cell(row)}
                        </div>
                      </div>
                    ) : (
                      column.cell(row)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}

/**
 * A row's main link: a real link (middle click, open in a new tab), but out of the Tab order, since the
 * row itself takes focus and opens on Enter; one Tab stop per row on every list.
 */
export function RowLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      // A page of rows would prefetch every row's page (dozens of requests per list): rows open on a click.
      prefetch={false}
      tabIndex={-1}
      className="font-medium text-brand-700 hover:underline dark:text-brand-300"
    >
      {children}
    </Link>
  );
}
