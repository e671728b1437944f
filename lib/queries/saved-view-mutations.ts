// Saving and deleting a saved view (the save and delete dialogs, loaded on first use); the views' query
// options and addresses, which the sidebar needs on every page, are in ./saved-views.ts.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateSavedViewBody, SavedView } from "@/lib/schemas/saved-views";
import { auditKeys } from "./audit";
import { fetchJson } from "./fetch-json";
import { savedViewKeys } from "./saved-views";

function useViewsInvalidation() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
}

export function useCreateSavedView() {
  const invalidate = useViewsInvalidation();
  return useMutation({
    mutationFn: (body: CreateSavedViewBody) =>
      fetchJson<{ data: SavedView }>("/api/views", { method: "POST", json: body }),
    onSettled: invalidate,
  });
}

export function useDeleteSavedView() {
  const invalidate = useViewsInvalidation();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ data: { id: string } }>(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
}
