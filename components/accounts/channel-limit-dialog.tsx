"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { useSetChannelLimit } from "@/lib/queries/account-mutations";
import { channelPoolOptions } from "@/lib/queries/managed-accounts";
import { describeActionError } from "./action-error";
import { DialogFooter } from "./dialog-footer";
import { ReasonField } from "./reason-field";
import { largestAllowedLimit } from "./channel-limit-rules";

interface ChannelLimitDialogProps {
  account: Pick<ManagedAccount, "id" | "email">;
  /** The limit this console last set, if any: Telnyx has no way to read it back. */
  knownLimit: number | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function ChannelLimitDialog({ account, knownLimit, open, onOpenChange }: ChannelLimitDialogProps) {
  const [limitText, setLimitText] = useState(knownLimit === null ? "" : String(knownLimit));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const pool = useQuery({ ...channelPoolOptions(), enabled: open, staleTime: 0 });
  const setLimit = useSetChannelLimit(account);
  const failure = setLimit.error ? describeActionError(setLimit.error) : undefined;
  const limit = limitText.trim() === "" ? NaN : Number(limitText);
  const maximum = pool.data ? largestAllowedLimit(pool.data, knownLimit) : undefined;

  const close = (next: boolean) => {
    if (setLimit.isPending) return;
    if (!next) {
      setErrors({});
      setReason("");
      setLimit.reset();
    }
    onOpenChange(next);
  };

  // An error speaks about the value it was given: once that value is edited it no longer applies, so it
  // goes (ours and the server's); the next submit checks the new value.
  const clearError = (field: "channelLimit" | "reason") => {
    setErrors((old) => ({ ...old, [field]: undefined }));
    if (failure?.fields[field]) setLimit.reset();
  };

  const submit = async () => {
    // zod loads with the first submit, not with the account page (the server parses with it too).
    const { updateChannelLimitBodySchema } = await import("@/lib/schemas/managed-accounts");
    const parsed = updateChannelLimitBodySchema.safeParse({ channelLimit: limit, reason });
    const next: Record<string, string | undefined> = {};
    for (const issue of parsed.error?.issues ?? []) next[String(issue.path[0])] ??= issue.message;
    if (Number.isNaN(limit)) next.channelLimit = "Enter a whole number of channels (0 or more).";
    if (maximum === undefined && !next.channelLimit) {
      next.channelLimit =
        "The pool's headroom is not known yet, so the limit cannot be checked. Wait or retry.";
    } else if (maximum !== undefined && limit > maximum && !next.channelLimit) {
      next.channelLimit = `That would over-allocate the pool: at most ${maximum} channel${maximum === 1 ? "" : "s"} can go to this account.`;
    }
    setErrors(next);
    if (parsed.success && !next.channelLimit && !next.reason) {
      setLimit.mutate(parsed.data, { onSuccess: () => close(false) });
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={`Set the channel limit for ${account.email}`}
      description="The most outbound calls this account may make at once, taken from the manager's pool."
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="flex flex-col gap-4"
      >
        <p className="text-sm" data-testid="limit-headroom" aria-live="polite">
          {pool.data
            ? `Pool headroom: ${pool.data.headroom} of ${pool.data.allocatable} channels free. ${
                knownLimit === null
                  ? "This account's current limit is not known (Telnyx does not report it), so none of its channels are counted as returning to the pool."
                  : `This account's last known limit (${knownLimit}) returns to the pool, so it can have up to ${maximum}.`
              }`
            : pool.isError
              ? `The pool could not be loaded: ${pool.error.message}`
              : "Loading the pool's headroom…"}
        </p>
        <Field label="Channel limit" error={errors.channelLimit ?? failure?.fields.channelLimit}>
          <Input
            name="channelLimit"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={limitText}
            onChange={(event) => {
              setLimitText(event.target.value);
              clearError("channelLimit");
            }}
          />
        </Field>
        {limit === 0 ? (
          <p
            role="alert"
            data-testid="zero-limit-warning"
            className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />0 stops all outbound calling for
            this account.
          </p>
        ) : null}
        <ReasonField
          value={reason}
          onChange={(value) => {
            setReason(value);
            clearError("reason");
          }}
          error={errors.reason ?? failure?.fields.reason}
        />
        <DialogFooter
          error={failure?.message}
          isPending={setLimit.isPending}
          confirmLabel="Set limit"
          pendingLabel="Saving…"
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
