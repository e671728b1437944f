"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ListMeta } from "@/lib/schemas/common";
import { PageSizeSelect } from "./page-size-select";

interface PaginationProps {
  meta: ListMeta;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

export function Pagination({ meta, onPage, onPageSize }: PaginationProps) {
  const lastPage = Math.max(1, meta.totalPages);
  const isFirst = meta.page <= 1;
  const isLast = meta.page >= lastPage;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
      <PageSizeSelect value={meta.pageSize} onChange={onPageSize} />
      <p aria-live="polite" data-testid="page-status" className="text-slate-600 dark:text-slate-300">
        Page {meta.page} of {lastPage} · {meta.totalResults} account{meta.totalResults === 1 ? "" : "s"}
      </p>
      <div className="flex gap-1">
        <Button
          variant="secondary"
          size="sm"
          aria-label="First page"
          disabled={isFirst}
          onClick={() => onPage(1)}
        >
          <ChevronsLeft aria-hidden className="size-4" />
        </Button>
        <Button
          variant="secondary"
          size="sm"
          aria-label="Previous page"
          disabled={isFirst}
          onClick={() => onPage(meta.page - 1)}
        >
          <ChevronLeft aria-hidden className="size-4" />
        </Button>
        <Button
          variant="secondary"
          size="sm"
          aria-label="Next page"
          disabled={isLast}
          onClick={() => onPage(meta.page + 1)}
        >
          <ChevronRight aria-hidden className="size-4" />
        </Button>
        <Button
          variant="secondary"
          size="sm"
          aria-label="Last page"
          disabled={isLast}
          onClick={() => onPage(lastPage)}
        >
          <ChevronsRight aria-hidden className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
