"use client";

import * as Switch from "@radix-ui/react-switch";
import { useId, useState } from "react";
import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/queries/fetch-json";
import { useCreateSavedView } from "@/lib/queries/saved-view-mutations";
import type { CreateSavedViewBody, SavedViewList } from "@/lib/schemas/saved-views";
import { maxSavedViewNameLength } from "@/lib/schemas/feature-values";

interface SaveViewDialogProps {
  list: SavedViewList;
  /** The list's current filters, sort and page size (no page). */
  query: Record<string, unknown>;
  open: boolean;
  /** Closes it and gives focus back to the button that opened it. */
  onClose: () => void;
}

/** The "Save view" dialog, loaded by SaveViewButton (./save-view-dialog.tsx) the first time it opens. */
export function SaveViewDialog({ list, query, open, onClose }: SaveViewDialogProps) {
  const [name, setName] = useState("");
  const [isShared, setIsShared] = useState(false);
  const switchId = useId();
  const create = useCreateSavedView();
  const fields = create.error instanceof ApiError ? (create.error.fields ?? {}) : {};
  const otherProblems = Object.entries(fields).filter(([field]) => field !== "name");
  const footerError = create.error
    ? otherProblems.length > 0
      ? `This view cannot be saved: ${otherProblems.map(([, message]) => message).join(" ")}`
      : fields.name
        ? undefined
        : create.error.message
    : undefined;

  const close = () => {
    if (create.isPending) return;
    create.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && close()}
      title={`Save this ${list === "accounts" ? "accounts" : "users"} view`}
      description="Keeps the filters, sort and page size under a name, listed in the sidebar."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const body = { list, name, shared: isShared, query } as CreateSavedViewBody;
          create.mutate(body, {
            onSuccess: ({ data }) => {
              toast.success(`Saved view "${data.name}"${data.shared ? ", shared with the team" : ""}.`);
              create.reset();
              setName("");
              setIsShared(false);
              onClose();
            },
          });
        }}
      >
        <div className="flex flex-col gap-4">
          <Field label="Name" error={fields.name}>
            <Input
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={maxSavedViewNameLength}
              required
              autoComplete="off"
              placeholder="e.g. Acme accounts"
            />
          </Field>
          <div className="flex items-center gap-3">
            <Switch.Root
              id={switchId}
              checked={isShared}
              onCheckedChange={setIsShared}
              className="relative h-6 w-11 shrink-0 rounded-full bg-slate-300 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 data-[state=checked]:bg-brand-600 dark:bg-slate-700"
            >
              <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]" />
            </Switch.Root>
            <label htmlFor={switchId} className="text-sm font-medium">
              Share with the team
            </label>
          </div>
        </div>
        <DialogFooter
          error={footerError}
          isPending={create.isPending}
          confirmLabel="Save view"
          pendingLabel="Saving…"
          onCancel={close}
        />
      </form>
    </Dialog>
  );
}
