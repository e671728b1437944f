"use client";

import { useQuery } from "@tanstack/react-query";
import { savedViewsOptions } from "@/lib/queries/saved-views";
import type { SavedViewList } from "@/lib/schemas/saved-views";

/** One list's saved views (own first, then shared), from the one query the sidebar and toolbars share. */
export function useListViews(list: SavedViewList) {
  return useQuery({
    ...savedViewsOptions(),
    select: (result) =>
      result.data.filter((view) => view.list === list).sort((a, b) => Number(b.isMine) - Number(a.isMine)),
  });
}
