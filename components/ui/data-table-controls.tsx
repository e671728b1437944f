"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useEffect, useRef } from "react";

const boxClassName = "size-4 cursor-pointer accent-brand-600";

/** A row's tick box; its accessible name says which row it picks. onChange is the table's one handler. */
export function RowCheckbox({
  label,
  isChecked,
  onChange,
}: {
  label: string;
  isChecked: boolean;
  onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <input
      type="checkbox"
      aria-label={`Select ${label}`}
      data-testid="row-select"
      checked={isChecked}
      onChange={onChange}
      className={boxClassName}
    />
  );
}

/** "Select this page": mixed when only some of the page's rows are ticked. */
export function PageCheckbox({
  checkedCount,
  pageCount,
  onChange,
}: {
  checkedCount: number;
  pageCount: number;
  onChange: (isSelected: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const isAll = pageCount > 0 && checkedCount === pageCount;
  const isSome = checkedCount > 0 && !isAll;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = isSome;
  }, [isSome]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select this page"
      data-testid="page-select"
      checked={isAll}
      disabled={pageCount === 0}
      onChange={() => onChange(!isAll)}
      className={boxClassName}
    />
  );
}

export interface SortState {
  /** `field` ascending, `-field` descending (Telnyx's and our API's form). */
  value: string;
  onChange: (value: string) => void;
}

/** A header's sort button; the cell around it carries aria-sort (see sortDirection). */
export function SortButton({
  label,
  field,
  firstDirection,
  sort,
}: {
  label: string;
  field: string;
  /** The direction a first click picks: newest first for dates, A to Z for names. */
  firstDirection: "asc" | "desc";
  sort: SortState;
}) {
  const direction = sortDirection(sort.value, field);
  const next = direction ? (direction === "asc" ? "desc" : "asc") : firstDirection;
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={() => sort.onChange(next === "asc" ? field : `-${field}`)}
      className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:text-white"
    >
      {label}
      <Icon aria-hidden className="size-3.5" />
      <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
    </button>
  );
}

export function sortDirection(value: string, field: string): "asc" | "desc" | undefined {
  return value === field ? "asc" : value === `-${field}` ? "desc" : undefined;
}
