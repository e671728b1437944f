"use client";

import * as Tooltip from "@radix-ui/react-tooltip";

/**
 * Wraps an action a role may not take: the control stays visible and disabled, and the reason is shown
 * on hover and focus and read out by screen readers, so a support agent knows to escalate.
 */
export function DisabledReason({ reason, children }: { reason: string; children: React.ReactNode }) {
  if (!reason) return <>{children}</>;
  return (
    <Tooltip.Provider delayDuration={150}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <span tabIndex={0} className="inline-flex" aria-label={reason} data-disabled-reason={reason}>
            {children}
          </span>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            sideOffset={4}
            className="z-50 rounded bg-slate-900 px-2 py-1 text-xs text-white shadow"
          >
            {reason}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
