"use client";

import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { describeActionError } from "@/components/accounts/action-error";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { ReasonField } from "@/components/accounts/reason-field";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSetAlertThreshold } from "@/lib/queries/alerts";
import type { AlertThreshold } from "@/lib/schemas/alerts";

interface ThresholdDialogProps {
  accountId: string;
  current: AlertThreshold;
  unit: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Sets the account's own threshold, or (empty amount) puts it back on the fleet default. */
export function ThresholdDialog({ accountId, current, unit, open, onOpenChange }: ThresholdDialogProps) {
  const [amount, setAmount] = useState(current.isDefault ? "" : current.threshold);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const save = useSetAlertThreshold(accountId);
  const failure = save.error ? describeActionError(save.error) : undefined;

  const close = (next: boolean) => {
    if (save.isPending) return;
    if (!next) {
      setErrors({});
      setReason("");
      save.reset();
    }
    onOpenChange(next);
  };

  const submit = async () => {
    const threshold = amount.trim() === "" ? null : amount.trim();
    // zod loads with the first submit, not with the account page (the server parses with it too).
    const { alertThresholdBodySchema } = await import("@/lib/schemas/alerts");
    const parsed = alertThresholdBodySchema.safeParse({ threshold, reason });
    const next: Record<string, string | undefined> = {};
    for (const issue of parsed.error?.issues ?? []) next[String(issue.path[0])] ??= issue.message;
    setErrors(next);
    if (!parsed.success) return;
    save.mutate(parsed.data, {
      onSuccess: (saved) => {
        toast.success(
          `Low-balance threshold set to ${saved.threshold}${unit}${saved.isDefault ? " (default)" : ""}.`,
        );
        close(false);
      },
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Change the low-balance threshold"
      description={`An alert is raised when the balance falls below this amount. Leave it empty to use the default (${current.defaultThreshold}${unit}).`}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="flex flex-col gap-4"
      >
        <Field
          label={`Threshold${unit ? ` (${unit.trim()})` : ""}`}
          hint={`Empty: the default, ${current.defaultThreshold}${unit}.`}
          error={errors.threshold ?? failure?.fields.threshold}
        >
          <Input
            name="threshold"
            inputMode="decimal"
            value={amount}
            placeholder={current.defaultThreshold}
            onChange={(event) => {
              setAmount(event.target.value);
              setErrors((old) => ({ ...old, threshold: undefined }));
            }}
          />
        </Field>
        <ReasonField
          value={reason}
          onChange={(value) => {
            setReason(value);
            setErrors((old) => ({ ...old, reason: undefined }));
          }}
          error={errors.reason ?? failure?.fields.reason}
        />
        <DialogFooter
          error={failure?.message}
          isPending={save.isPending}
          confirmLabel="Save threshold"
          pendingLabel="Saving…"
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
