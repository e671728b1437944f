"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Asked before the page that shows a new account's key is left with the key not yet copied. */
export function LeaveKeyDialog({
  open,
  onStay,
  onLeave,
}: {
  open: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onStay()}
      title="Leave without the API key?"
      description="The key has not been copied. It will not be shown again, here or anywhere else in the console."
    >
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onStay}>Stay and copy the key</Button>
        <Button variant="danger" onClick={onLeave}>
          Leave without the key
        </Button>
      </div>
    </Dialog>
  );
}
