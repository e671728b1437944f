"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The ten recovery codes, shown this once: only their hashes are kept. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">
        Two-factor authentication is on.
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Keep these recovery codes somewhere safe. Each one signs you in once if you lose your phone. They are
        shown only now.
      </p>
      <ul
        aria-label="Recovery codes"
        data-testid="recovery-codes"
        className="grid grid-cols-1 gap-1 rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-sm sm:grid-cols-2 dark:border-slate-700 dark:bg-slate-950"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={codes.join("\n")} label="recovery codes">
          Copy codes
        </CopyButton>
        {onDone ? <Button onClick={onDone}>I have saved them</Button> : null}
      </div>
    </div>
  );
}
