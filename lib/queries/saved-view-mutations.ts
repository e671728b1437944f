// Saving and deleting a saved view (the save and delete dialogs, loaded on first use); the views' query
// options and addresses, which the sidebar needs on every page, are in ./saved-views.ts.
import { useMutation } from "@tanstack/react-query";
import type { CreateSavedViewBody, SavedView } from "@/lib/schemas/saved-views";
import { useInvalidateWithAudit } from "./audit";
import { fetchJson } from "./fetch-json";
import { savedViewKeys } from "./saved-views";

export function useCreateSavedView() {
  const invalidate = useInvalidateWithAudit(savedViewKeys.all);
  return useMutation({
    mutationFn: (body: CreateSavedViewBody) =>
      fetchJson<{ data: SavedView }>("/api/views", { method: "POST", json: body }),
    onSettled: invalidate,
  });
}

export function useDeleteSavedView() {
  const invalidate = useInvalidateWithAudit(savedViewKeys.all);
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ data: { id: string } }>(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
}
