import { Timestamp } from "@/components/ui/timestamp";
import type { AccountMemoryView } from "@/lib/accounts/types";

/** What this console remembers because Telnyx will not tell it back. */
export function ConsoleMemory({ memory }: { memory: AccountMemoryView }) {
  const { channelLimit, lastToggle } = memory;
  return (
    <dl className="grid gap-2 text-sm">
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Last channel limit set from this console</dt>
        <dd data-testid="known-channel-limit">
          {channelLimit ? (
            <>
              {channelLimit.value} by {channelLimit.setBy ?? "unknown"} at{" "}
              <Timestamp value={channelLimit.setAt} />
            </>
          ) : (
            "Not known (Telnyx does not report it)"
          )}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Last enable/disable from this console</dt>
        <dd data-testid="last-toggle">
          {lastToggle ? (
            <>
              {lastToggle.state === "enabled" ? "Enabled" : "Disabled"} by {lastToggle.by ?? "unknown"} at{" "}
              <Timestamp value={lastToggle.at} />
            </>
          ) : (
            "None recorded"
          )}
        </dd>
      </div>
    </dl>
  );
}
