"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { Gauge, Power, PowerOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { usePermission } from "@/components/shell/staff-context";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";

// Each dialog's form (and its text rules) is fetched when its button is pressed, not with the account page.
const ChannelLimitDialog = dynamic(
  () => import("./channel-limit-dialog").then((module) => module.ChannelLimitDialog),
  { ssr: false },
);
const DisableDialog = dynamic(() => import("./disable-dialog").then((module) => module.DisableDialog), {
  ssr: false,
});
const EnableDialog = dynamic(() => import("./enable-dialog").then((module) => module.EnableDialog), {
  ssr: false,
});

type OpenDialog = "disable" | "enable" | "limit" | null;

/**
 * Disable / enable / channel limit. Every role sees every action; those it may not take are disabled with
 * the reason, so a support agent knows to escalate. When the status is unknown both toggles are offered.
 */
export function AccountActions({
  account,
  knownLimit,
}: {
  account: ManagedAccount;
  knownLimit: number | null;
}) {
  const [open, setOpen] = useState<OpenDialog>(null);
  const group = useRef<HTMLDivElement>(null);
  useFocusAfterChange(group, open);
  const toggle = usePermission("accounts.toggle");
  const channels = usePermission("accounts.channels");
  const canOfferDisable = account.status !== "disabled" && account.status !== "cancelled";
  const canOfferEnable = account.status !== "enabled" && account.status !== "cancelled";
  const onOpenChange = (next: boolean) => !next && setOpen(null);

  return (
    <div ref={group} className="flex flex-wrap gap-2" aria-label="Account actions" role="group">
      {canOfferDisable ? (
        <DisabledReason reason={toggle.reason}>
          <Button variant="danger" disabled={!toggle.allowed} onClick={() => setOpen("disable")}>
            <PowerOff aria-hidden className="size-4" />
            Disable
          </Button>
        </DisabledReason>
      ) : null}
      {canOfferEnable ? (
        <DisabledReason reason={toggle.reason}>
          <Button disabled={!toggle.allowed} onClick={() => setOpen("enable")}>
            <Power aria-hidden className="size-4" />
            Enable
          </Button>
        </DisabledReason>
      ) : null}
      <DisabledReason reason={channels.reason}>
        <Button variant="secondary" disabled={!channels.allowed} onClick={() => setOpen("limit")}>
          <Gauge aria-hidden className="size-4" />
          Set channel limit
        </Button>
      </DisabledReason>
      {open === "disable" ? <DisableDialog account={account} open onOpenChange={onOpenChange} /> : null}
      {open === "enable" ? <EnableDialog account={account} open onOpenChange={onOpenChange} /> : null}
      {open === "limit" ? (
        <ChannelLimitDialog account={account} knownLimit={knownLimit} open onOpenChange={onOpenChange} />
      ) : null}
    </div>
  );
}

/**
 * A dialog gives focus back to the button that opened it; but a confirmed disable (or enable) removes that
 * button, and focus would fall to <body>. Then it goes to the action that took the button's place.
 */
function useFocusAfterChange(group: React.RefObject<HTMLDivElement | null>, open: OpenDialog) {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    // After the dialog's own focus return, which runs in a task of its own when it unmounts.
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      group.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [group, open]);
}
