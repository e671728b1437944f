"use client";

import { useEffect, useRef } from "react";

const boxClassName = "size-4 cursor-pointer accent-brand-600";

/** A row's tick box; its accessible name says which account it picks. */
export function RowCheckbox({
  label,
  isChecked,
  onToggle,
}: {
  label: string;
  isChecked: boolean;
  onToggle: () => void;
}) {
  return (
    <input
      type="checkbox"
      aria-label={`Select ${label}`}
      data-testid="row-select"
      checked={isChecked}
      onChange={onToggle}
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
      onChange={() => onChange(!isAll)}
      className={boxClassName}
    />
  );
}
