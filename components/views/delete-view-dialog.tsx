"use client";

import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { useDeleteSavedView } from "@/lib/queries/saved-view-mutations";
import type { SavedView } from "@/lib/schemas/saved-views";

/** Asks before a view is deleted; a shared one disappears for the whole team. */
export function DeleteViewDialog({ view, onClose }: { view: SavedView | null; onClose: () => void }) {
  const remove = useDeleteSavedView();
  const close = () => {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={view !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      title={`Delete the view "${view?.name ?? ""}"?`}
      description={
        view?.shared
          ? view.isMine
            ? "It is shared: it disappears for everyone on the team."
            : `${view.ownerName} shared it: it disappears for everyone on the team.`
          : "Only the saved view goes; the list and its data stay as they are."
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!view) return;
          remove.mutate(view.id, {
            onSuccess: () => {
              toast.success(`Deleted the view "${view.name}".`);
              remove.reset();
              onClose();
            },
          });
        }}
      >
        <DialogFooter
          error={remove.error?.message}
          isPending={remove.isPending}
          confirmLabel="Delete view"
          pendingLabel="Deleting…"
          variant="danger"
          onCancel={close}
        />
      </form>
    </Dialog>
  );
}
