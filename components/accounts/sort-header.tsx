"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { accountSorts } from "@/lib/schemas/managed-accounts";

type Sort = (typeof accountSorts)[number];
type SortField = "created_at" | "email";

interface SortHeaderProps {
  label: string;
  field: SortField;
  sort: Sort;
  /** The direction a first click picks: newest first for dates, A to Z for emails. */
  firstDirection: "asc" | "desc";
  onSort: (sort: Sort) => void;
}

/** A column header that sorts on click, announcing its state through aria-sort. */
export function SortHeader({ label, field, sort, firstDirection, onSort }: SortHeaderProps) {
  const direction = sort === field ? "asc" : sort === `-${field}` ? "desc" : undefined;
  const next = direction ? (direction === "asc" ? "desc" : "asc") : firstDirection;
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <th
      scope="col"
      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}
      className="px-4 py-2 text-left font-medium"
    >
      <button
        type="button"
        onClick={() => onSort((next === "asc" ? field : `-${field}`) as Sort)}
        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:text-white"
      >
        {label}
        <Icon aria-hidden className="size-3.5" />
        <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
      </button>
    </th>
  );
}
