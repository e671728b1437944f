"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/input";
import type { ListMeta } from "@/lib/schemas/common";

// inputClassName is full-width; this control keeps its own width.
const pageSizeSelectClassName = `${inputClassName.replace("w-full", "")} h-8 w-20`;

interface ListPaginationProps<Size extends number> {
  meta: ListMeta;
  /** What the list holds, plural ("users", "events"), for the range line. */
  noun: string;
  pageSizes: readonly Size[];
  rangeTestId?: string;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: Size) => void;
}

/** Previous/next paging with a page-size choice and a range line read out as it changes. */
export function ListPagination<Size extends number>({
  meta,
  noun,
  pageSizes,
  rangeTestId,
  onPageChange,
  onPageSizeChange,
}: ListPaginationProps<Size>) {
  const sizeId = useId();
  const totalPages = Math.max(1, meta.totalPages);
  const first = meta.totalResults === 0 ? 0 : (meta.page - 1) * meta.pageSize + 1;
  const last = Math.min(meta.page * meta.pageSize, meta.totalResults);
  return (
    <nav
      aria-label="Pages"
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 pt-3 text-sm dark:border-slate-800"
    >
      <p aria-live="polite" data-testid={rangeTestId}>
        {first}–{last} of {meta.totalResults} {noun} · page {meta.page} of {totalPages}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={sizeId} className="whitespace-nowrap text-slate-600 dark:text-slate-300">
          Rows per page
        </label>
        <select
          id={sizeId}
          value={meta.pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value) as Size)}
          className={pageSizeSelectClassName}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onPageChange(meta.page - 1)}
          disabled={meta.page <= 1}
        >
          <ChevronLeft aria-hidden className="size-4" />
          Previous
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onPageChange(meta.page + 1)}
          disabled={meta.page >= totalPages}
        >
          Next
          <ChevronRight aria-hidden className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
