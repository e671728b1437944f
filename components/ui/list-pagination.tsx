"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/input";
import type { ListMeta } from "@/lib/schemas/common";
import { listPageSizes, type ListPageSize } from "@/lib/schemas/values";

// inputClassName is full-width; this control keeps its own width.
const pageSizeSelectClassName = `${inputClassName.replace("w-full", "")} h-8 w-20`;

interface ListPaginationProps {
  meta: ListMeta;
  /** What the list holds, plural ("users", "accounts"), for the range line. */
  noun: string;
  /** The range line's test id (default page-status). */
  rangeTestId?: string;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: ListPageSize) => void;
}

/**
 * The one pager of every list: the range read out as it changes, one set of page sizes, and first /
 * previous / next / last. It wraps onto more lines on a phone rather than widening the page.
 */
export function ListPagination({
  meta,
  noun,
  rangeTestId = "page-status",
  onPageChange,
  onPageSizeChange,
}: ListPaginationProps) {
  const sizeId = useId();
  const lastPage = Math.max(1, meta.totalPages);
  const first = meta.totalResults === 0 ? 0 : (meta.page - 1) * meta.pageSize + 1;
  const last = Math.min(meta.page * meta.pageSize, meta.totalResults);
  const isFirst = meta.page <= 1;
  const isLast = meta.page >= lastPage;
  return (
    <nav
      aria-label="Pages"
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800"
    >
      <p aria-live="polite" data-testid={rangeTestId} className="text-slate-700 dark:text-slate-200">
        {first}–{last} of {meta.totalResults} {noun} · page {meta.page} of {lastPage}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={sizeId} className="whitespace-nowrap text-slate-600 dark:text-slate-300">
          Rows per page
        </label>
        <select
          id={sizeId}
          value={meta.pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value) as ListPageSize)}
          className={pageSizeSelectClassName}
        >
          {/* A size asked for through the API alone (say 7) still shows as chosen. */}
          {(listPageSizes as readonly number[]).includes(meta.pageSize) ? null : (
            <option value={meta.pageSize}>{meta.pageSize}</option>
          )}
          {listPageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <div className="flex gap-1">
          {[
            { label: "First page", Icon: ChevronsLeft, page: 1, disabled: isFirst },
            { label: "Previous page", Icon: ChevronLeft, page: meta.page - 1, disabled: isFirst },
            { label: "Next page", Icon: ChevronRight, page: meta.page + 1, disabled: isLast },
            { label: "Last page", Icon: ChevronsRight, page: lastPage, disabled: isLast },
          ].map(({ label, Icon, page, disabled }) => (
            <Button
              key={label}
              variant="secondary"
              size="sm"
              aria-label={label}
              disabled={disabled}
              onClick={() => onPageChange(page)}
            >
              <Icon aria-hidden className="size-4" />
            </Button>
          ))}
        </div>
      </div>
    </nav>
  );
}
