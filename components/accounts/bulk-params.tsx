"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { channelPoolOptions } from "@/lib/queries/managed-accounts";
import type { BulkAccountAction } from "./bulk-action-bar";

/** What a bulk action changes: the same choices the single-account dialogs offer. */
export interface BulkParams {
  reenableAllConnections: boolean;
  channelLimitText: string;
  allowCustomPricing: boolean;
}

export const initialBulkParams: BulkParams = {
  reenableAllConnections: false,
  channelLimitText: "",
  allowCustomPricing: true,
};

/** The `params` a job of this action carries, or a field message when they are not usable yet. */
export function toJobParams(
  action: BulkAccountAction,
  params: BulkParams,
): { params: Record<string, unknown> } | { error: string } {
  if (action === "account.enable")
    return { params: { reenableAllConnections: params.reenableAllConnections } };
  if (action === "account.pricing") return { params: { allowCustomPricing: params.allowCustomPricing } };
  if (action === "account.channel_limit") {
    const text = params.channelLimitText.trim();
    if (!/^[0-9]{1,7}$/.test(text)) return { error: "Enter a whole number of channels (0 or more)." };
    return { params: { channelLimit: Number(text) } };
  }
  return { params: {} };
}

export function BulkParamsFields({
  action,
  params,
  count,
  onChange,
  error,
}: {
  action: BulkAccountAction;
  params: BulkParams;
  count: number;
  onChange: (params: BulkParams) => void;
  error?: string;
}) {
  const id = useId();
  const pool = useQuery({
    ...channelPoolOptions(),
    enabled: action === "account.channel_limit",
    staleTime: 0,
  });
  if (action === "account.enable") {
    return (
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={params.reenableAllConnections}
          onChange={(event) => onChange({ ...params, reenableAllConnections: event.target.checked })}
          aria-describedby={`${id}-caveat`}
        />
        <span>
          Also re-enable all of each account&apos;s connections
          <span id={`${id}-caveat`} className="block text-xs text-slate-500 dark:text-slate-400">
            Connections that fail Telnyx&apos;s validation stay disabled, and Telnyx does not say which.
          </span>
        </span>
      </label>
    );
  }
  if (action === "account.channel_limit") {
    return (
      <Field
        label="Channel limit for every selected account"
        error={error}
        hint={
          <>
            {pool.data
              ? `Pool headroom: ${pool.data.headroom} of ${pool.data.allocatable} channels free, for ${count} account${count === 1 ? "" : "s"}. `
              : null}
            0 stops all outbound calling. A limit that would over-allocate the pool is refused before the job
            starts.
          </>
        }
      >
        <Input
          name="channelLimit"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={params.channelLimitText}
          onChange={(event) => onChange({ ...params, channelLimitText: event.target.value })}
        />
      </Field>
    );
  }
  if (action === "account.pricing") {
    return (
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="mb-1 font-medium">Custom pricing</legend>
        {[true, false].map((allow) => (
          <label key={String(allow)} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-pricing`}
              checked={params.allowCustomPricing === allow}
              onChange={() => onChange({ ...params, allowCustomPricing: allow })}
            />
            {allow ? "Allow custom pricing" : "Turn off custom pricing"}
          </label>
        ))}
      </fieldset>
    );
  }
  return null;
}
