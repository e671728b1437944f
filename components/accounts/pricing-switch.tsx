"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { useHasOpened } from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { usePermission } from "@/components/shell/staff-context";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";

// The confirmation is fetched the first time the switch is flipped, not with the account page.
const PricingDialog = dynamic(() => import("./pricing-dialog").then((module) => module.PricingDialog), {
  ssr: false,
});

/**
 * Custom pricing on/off. Flipping the switch only asks (a dialog wants the reason for the audit trail); the
 * switch shows the account's state, so it moves once the change is confirmed and stays put on Cancel.
 */
export function PricingSwitch({
  account,
}: {
  account: Pick<ManagedAccount, "id" | "email" | "allowCustomPricing">;
}) {
  const { allowed, reason } = usePermission("accounts.pricing");
  const [wanted, setWanted] = useState<boolean>();
  const switchRef = useRef<HTMLButtonElement>(null);
  const hasOpened = useHasOpened(wanted !== undefined);
  const checked = account.allowCustomPricing;
  // A native switch (role="switch" on a button: Space and Enter toggle it) rather than Radix's, which brought
  // about 4 kB of primitives to the account page for the same markup.
  const control = (
    <button
      ref={switchRef}
      type="button"
      role="switch"
      id="custom-pricing"
      aria-checked={checked}
      data-state={checked ? "checked" : "unchecked"}
      disabled={!allowed}
      onClick={() => setWanted(!checked)}
      aria-describedby="custom-pricing-note"
      className="relative h-6 w-11 shrink-0 rounded-full bg-slate-300 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-60 data-[state=checked]:bg-brand-600 dark:bg-slate-700"
    >
      <span
        data-state={checked ? "checked" : "unchecked"}
        className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]"
      />
    </button>
  );
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-3">
        <DisabledReason reason={reason}>{control}</DisabledReason>
        <label htmlFor="custom-pricing" className="text-sm font-medium">
          Allow custom pricing
        </label>
      </div>
      <p id="custom-pricing-note" className="text-xs text-slate-500 dark:text-slate-400">
        The change may take time to apply at Telnyx, and Telnyx sets the actual prices.
      </p>
      {hasOpened ? (
        <PricingDialog
          account={account}
          allowCustomPricing={wanted ?? !account.allowCustomPricing}
          open={wanted !== undefined}
          onOpenChange={(open) => {
            if (open) return;
            setWanted(undefined);
            // Radix returns focus only to a Dialog.Trigger; the switch opened this dialog, so it gets it back.
            setTimeout(() => switchRef.current?.focus(), 0);
          }}
        />
      ) : null}
    </div>
  );
}
