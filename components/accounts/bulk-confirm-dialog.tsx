"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useCreateJob } from "@/lib/queries/jobs";
import { accountListOptions } from "@/lib/queries/managed-accounts";
import { reasonProblem } from "@/lib/schemas/text-rules";
import { confirmAbove, confirmationText } from "@/lib/schemas/feature-values";
import { describeActionError } from "./action-error";
import type { BulkAccountAction } from "./bulk-action-bar";
import { BulkParamsFields, initialBulkParams, toJobParams } from "./bulk-params";
import { DialogFooter } from "./dialog-footer";
import { ReasonField } from "./reason-field";
import type { AccountSelection, SelectedAccount } from "./use-account-selection";

const shownAccounts = 5;

const titles: Record<BulkAccountAction, (count: string) => string> = {
  "account.disable": (count) => `Disable ${count}?`,
  "account.enable": (count) => `Enable ${count}?`,
  "account.channel_limit": (count) => `Set the channel limit of ${count}`,
  "account.pricing": (count) => `Change custom pricing for ${count}`,
};

const consequences: Record<BulkAccountAction, string> = {
  "account.disable":
    "Each organization and its sub-users will no longer be able to use Telnyx services or sign in to the portal. Calls already in progress are not cut.",
  "account.enable": "Each organization and its sub-users will be able to use Telnyx services again.",
  "account.channel_limit":
    "Every selected account gets the same limit, taken from the manager's pool. An account Telnyx refuses is marked failed and the rest go on.",
  "account.pricing": "The change may take time to apply at Telnyx, and Telnyx sets the actual prices.",
};

const confirmLabels: Record<BulkAccountAction, string> = {
  "account.disable": "Disable",
  "account.enable": "Enable",
  "account.channel_limit": "Set limit on",
  "account.pricing": "Change",
};

/**
 * Confirms a bulk action: how many and which accounts, what happens to them, a reason for the audit trail
 * and, above 25 accounts, the typed confirmation the server also requires. Creating the job opens its page.
 */
export function BulkConfirmDialog({
  action,
  selection,
  onClose,
}: {
  action: BulkAccountAction;
  selection: AccountSelection;
  onClose: () => void;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const [params, setParams] = useState(initialBulkParams);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const create = useCreateJob();
  const failure = create.error ? describeActionError(create.error) : undefined;
  // Field messages with no field of their own here (the target, say) join the footer's message.
  const shownFields = ["reason", "confirm", "params.channelLimit"];
  const footerError = failure
    ? [
        failure.message,
        ...Object.entries(failure.fields)
          .filter(([field]) => !shownFields.includes(field))
          .map(([, message]) => message),
      ].join(" ")
    : undefined;
  const count = selection.count;
  const countText = `${count} account${count === 1 ? "" : "s"}`;
  const phrase = confirmationText(action, count);
  const needsTyping = count > confirmAbove;
  // A whole view's first accounts are its first page (usually already cached from the list itself).
  const firstPage = useQuery({
    ...accountListOptions({ ...selection.view, page: 1, pageSize: 25 }),
    enabled: selection.isWholeView,
  });
  const first: SelectedAccount[] = selection.isWholeView
    ? (firstPage.data?.data ?? []).slice(0, shownAccounts)
    : selection.picked.slice(0, shownAccounts);

  const close = (next: boolean) => {
    if (!next && !create.isPending) onClose();
  };

  const submit = () => {
    const next: Record<string, string | undefined> = {};
    const reasonError = reasonProblem(reason);
    if (reasonError) next.reason = reasonError;
    const jobParams = toJobParams(action, params);
    if ("error" in jobParams) next.channelLimit = jobParams.error;
    if (needsTyping && typed.trim() !== phrase) next.confirm = `Type "${phrase}" exactly to go ahead.`;
    setErrors(next);
    if (reasonError || "error" in jobParams || next.confirm) return;
    create.mutate(
      {
        action,
        target: selection.isWholeView
          ? { view: selection.view }
          : { ids: selection.picked.map((row) => row.id) },
        params: jobParams.params,
        reason: reason.trim(),
        ...(needsTyping ? { confirm: typed.trim() } : {}),
      },
      { onSuccess: (job) => router.push(`/jobs/${job.id}`) },
    );
  };

  return (
    <Dialog open onOpenChange={close} title={titles[action](countText)} description={consequences[action]}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        className="flex flex-col gap-4"
      >
        <div className="text-sm" data-testid="bulk-first-accounts">
          <p className="font-medium">
            {selection.isWholeView
              ? `Every account in this view (${count}), fixed when the job starts. The first:`
              : count > shownAccounts
                ? `The first ${shownAccounts} of ${count}:`
                : "Selected:"}
          </p>
          {/* Long emails can make the list scroll: focusable, so a keyboard can scroll it too. */}
          <ul
            tabIndex={0}
            aria-label="Accounts in this job"
            className="mt-1 max-h-32 list-disc overflow-y-auto rounded pl-5 text-slate-600 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-300"
          >
            {first.map((account) => (
              <li key={account.id} className="break-all">
                {account.email} <span className="text-slate-500">· {account.organizationName}</span>
              </li>
            ))}
          </ul>
          {count > first.length && first.length > 0 ? (
            <p className="mt-1 text-slate-500">and {count - first.length} more.</p>
          ) : null}
        </div>
        <BulkParamsFields
          action={action}
          params={params}
          onChange={setParams}
          count={count}
          error={errors.channelLimit ?? failure?.fields["params.channelLimit"]}
        />
        <ReasonField value={reason} onChange={setReason} error={errors.reason ?? failure?.fields.reason} />
        {needsTyping ? (
          <Field
            label={`Type "${phrase}" to confirm`}
            error={errors.confirm ?? failure?.fields.confirm}
            hint={`More than ${confirmAbove} accounts: the typed words guard against a slip.`}
          >
            <Input
              name="confirm"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </Field>
        ) : null}
        <DialogFooter
          error={footerError}
          isPending={create.isPending}
          confirmLabel={`${confirmLabels[action]} ${countText}`}
          pendingLabel="Starting the job…"
          variant={action === "account.disable" ? "danger" : "primary"}
          onCancel={() => close(false)}
        />
      </form>
    </Dialog>
  );
}
