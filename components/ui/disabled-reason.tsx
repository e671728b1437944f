import { Hint } from "./hint";

/**
 * Wraps an action a role may not take: the control stays visible and disabled, and the reason is shown
 * on hover and focus and read out by screen readers, so a support agent knows to escalate.
 */
export function DisabledReason({ reason, children }: { reason: string; children: React.ReactNode }) {
  if (!reason) return <>{children}</>;
  return (
    <Hint text={reason} aria-label={reason} data-disabled-reason={reason}>
      {children}
    </Hint>
  );
}
