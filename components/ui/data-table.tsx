"use client";

import { useRouter } from "next/navigation";
import { memo, useLayoutEffect, useMemo, useRef } from "react";
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
  testId?: string;
}

const cellPadding = "px-3 py-2";
const headerClassName =
  "text-left text-xs font-medium tracking-wide whitespace-nowrap text-slate-600 uppercase dark:text-slate-300";
// Sticky cells need an opaque background of the row's state, or the columns scrolling under them show through.
// Sticky only while the table is wider than its scroller: fifty sticky cells (each its own stacking context)
// made every page's paint dearer on a screen where nothing scrolls under them.
const stickyClassName = "group-data-overflows/scroller:sticky group-data-overflows/scroller:z-[1] bg-inherit";
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
 * Rows are memoized (DataRow) and carry no handlers of their own: the body's one click, key and change
 * handler finds the row by its key. Ticking one row then re-renders the table element and that row, not
 * fifty rows: at 4× CPU that render sat between a click and its paint. A list dims its table while the
 * next page loads around it (BusyRegion), without rendering it.
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
  testId,
}: DataTableProps<Row>) {
  const router = useRouter();
  const selectable = selection ? rows.filter((row) => selection.canSelect?.(row) ?? true) : [];
  const checkedCount = selection ? selectable.filter((row) => selection.isSelected(row)).length : 0;
  // The body's handlers read the latest props here, so they stay the same functions and rows stay memoized.
  const latest = useRef({ rows, rowKey, rowHref, onRowOpen, selection, router });
  useLayoutEffect(() => {
    latest.current = { rows, rowKey, rowHref, onRowOpen, selection, router };
  });
  const handlers = useMemo(() => {
    const rowOf = (target: Element) => {
      const key = target.closest<HTMLElement>("tr[data-row-key]")?.dataset.rowKey;
      const { rows, rowKey } = latest.current;
      return key === undefined ? undefined : rows.find((row) => rowKey(row) === key);
    };
    const open = (row: Row) => {
      const { onRowOpen, rowHref, router } = latest.current;
      if (onRowOpen) onRowOpen(row);
      else if (rowHref) router.push(rowHref(row));
    };
    return {
      onClick: (event: React.MouseEvent<HTMLTableSectionElement>) => {
        const target = event.target as HTMLElement;
        // Events bubbling through React from a dialog portal are not a click on the row.
        if (!event.currentTarget.contains(target)) return;
        const link = target.closest<HTMLAnchorElement>("a[data-row-link]");
        if (link) {
          // A plain click on a row's link navigates in the app; a modified or middle click is the browser's.
          const isPlain =
            event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
          if (isPlain && !event.defaultPrevented) {
            event.preventDefault();
            latest.current.router.push(link.getAttribute("href")!);
          }
          return;
        }
        // The row's own controls are not a click on the row.
        if (target.closest("a, button, input, select, label, [data-disabled-reason]")) return;
        const row = rowOf(target);
        if (row !== undefined) open(row);
      },
      onKeyDown: (event: React.KeyboardEvent<HTMLTableSectionElement>) => {
        const target = event.target as HTMLElement;
        if (event.key !== "Enter" || !target.matches("tr[data-row-key][tabindex]")) return;
        const row = rowOf(target);
        if (row === undefined) return;
        // Or the same Enter would also press the first button of a dialog the row opens.
        event.preventDefault();
        open(row);
      },
      onToggle: (event: React.ChangeEvent<HTMLInputElement>) => {
        const row = rowOf(event.currentTarget);
        if (row !== undefined) latest.current.selection?.onToggle(row);
      },
    };
  }, []);
  const opens = Boolean(onRowOpen ?? rowHref);
  return (
    <TableScroller label={label}>
      <table aria-label={label} data-testid={testId} className="w-full text-sm">
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
        <tbody
          // Always: a row's link navigates in the app also on a table whose rows do not open.
          onClick={handlers.onClick}
          onKeyDown={opens ? handlers.onKeyDown : undefined}
        >
          {rows.map((row) => {
            const key = rowKey(row);
            return (
              <DataRow
                key={key}
                row={row}
                rowKey={key}
                columns={columns}
                data={rowData?.(row)}
                opens={opens}
                box={
                  selection
                    ? (selection.canSelect?.(row) ?? true)
                      ? { label: rowLabel(row), isChecked: selection.isSelected(row) }
                      : "none"
                    : undefined
                }
                onToggle={handlers.onToggle}
              />
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}

interface DataRowProps<Row> {
  row: Row;
  rowKey: string;
  columns: readonly DataColumn<Row>[];
  data: Record<`data-${string}`, string> | undefined;
  opens: boolean;
  /** The tick box: its name and state, "none" for a row that cannot be picked, undefined without selection. */
  box: { label: string; isChecked: boolean } | "none" | undefined;
  onToggle: (event: React.ChangeEvent<HTMLInputElement>) => void;
}

const sameBox = (a: DataRowProps<unknown>["box"], b: DataRowProps<unknown>["box"]) =>
  a === b ||
  (typeof a === "object" && typeof b === "object" && a.label === b.label && a.isChecked === b.isChecked);

const sameData = (a: DataRowProps<unknown>["data"], b: DataRowProps<unknown>["data"]) => {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof typeof a)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

/**
 * One row: plain elements around the columns' cells. It renders again only when its row, the columns, its
 * tick or its data attributes change (a cell reads its row and nothing else, or its columns are new).
 */
const DataRow = memo(
  function DataRow<Row>({ row, rowKey, columns, data, opens, box, onToggle }: DataRowProps<Row>) {
    const isSelected = typeof box === "object" && box.isChecked;
    return (
      <tr
        {...data}
        data-row-key={rowKey}
        tabIndex={opens ? 0 : undefined}
        className={`group/row border-t border-slate-100 align-top dark:border-slate-800 ${
          isSelected
            ? "bg-brand-50 dark:bg-slate-800"
            : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"
        } ${
          opens
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
              <div className={box ? withBoxClassName : undefined}>
                {typeof box === "object" ? (
                  <RowCheckbox label={box.label} isChecked={box.isChecked} onChange={onToggle} />
                ) : box === "none" ? (
                  <span aria-hidden className="size-4 shrink-0" />
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
  },
  (previous, next) =>
    previous.row === next.row &&
    previous.rowKey === next.rowKey &&
    previous.columns === next.columns &&
    previous.opens === next.opens &&
    previous.onToggle === next.onToggle &&
    sameBox(previous.box, next.box) &&
    sameData(previous.data, next.data),
) as <Row>(props: DataRowProps<Row> & { key?: React.Key }) => React.ReactElement;

/**
 * A row's main link: a real link (middle click, open in a new tab), but out of the Tab order, since the
 * row itself takes focus and opens on Enter; one Tab stop per row on every list. A plain anchor, not
 * next/link: fifty Link components (hooks, an observer each) were a good part of a page's render at 4× CPU.
 * The table's body turns a plain click on it into an in-app navigation, and it never prefetches.
 */
export function RowLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      data-row-link=""
      tabIndex={-1}
      className="font-medium text-brand-700 hover:underline dark:text-brand-300"
    >
      {children}
    </a>
  );
}
