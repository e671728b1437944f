"use client";

import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useStartAccessReview } from "@/lib/queries/access-reviews";
import { ApiError } from "@/lib/queries/fetch-json";
import { maxReviewNameLength } from "@/lib/schemas/feature-values";

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** Name and due date; the people flagged at this moment become the campaign's items. */
export function StartReviewDialog({
  open,
  onOpenChange,
  onStarted,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onStarted: (id: string) => void;
}) {
  const [name, setName] = useState("");
  const [dueDate, setDueDate] = useState(inTwoWeeks);
  const [error, setError] = useState<ApiError | null>(null);
  const start = useStartAccessReview();

  function changeOpen(next: boolean) {
    if (start.isPending) return;
    if (!next) setError(null);
    onOpenChange(next);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await start.mutateAsync({ name: name.trim(), dueDate });
      toast.success(`Review started: ${data.total} people to decide.`);
      setName("");
      onOpenChange(false);
      onStarted(data.id);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", "Something went wrong."));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="Start an access review"
      description="Everyone flagged right now (never signed in, dormant, bypassing SSO) is frozen into the review for a keep or remove decision. You own it."
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="Name" error={error?.fields?.name}>
          <Input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={maxReviewNameLength}
            name="name"
            autoComplete="off"
          />
        </Field>
        <Field label="Due date" error={error?.fields?.dueDate}>
          <Input
            type="date"
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
            name="dueDate"
          />
        </Field>
        <DialogFooter
          error={error && !error.fields ? error.message : undefined}
          isPending={start.isPending}
          confirmLabel="Start review"
          pendingLabel="Starting…"
          onCancel={() => changeOpen(false)}
          isConfirmDisabled={name.trim() === ""}
        />
      </form>
    </Dialog>
  );
}
