"use client";

import type { SavedViewList } from "@/lib/schemas/saved-views";
import { SaveViewButton } from "./save-view-dialog";
import { ViewsButton } from "./views-dialog";

/** "Save view" and "Views" for a list's toolbar. */
export function ListViewControls({ list, query }: { list: SavedViewList; query: Record<string, unknown> }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SaveViewButton list={list} query={query} />
      <ViewsButton list={list} />
    </div>
  );
}
