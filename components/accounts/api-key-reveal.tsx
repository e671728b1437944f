"use client";

import { useState } from "react";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { LeaveKeyDialog } from "./leave-key-dialog";
import { useLeaveGuard } from "./use-leave-guard";

interface ApiKeyRevealProps {
  account: { id: string; email: string; organizationName: string };
  apiKey: string;
  onDone: () => void;
}

/**
 * The new account's API key, shown once: it lives only in the create form's state, never in a cache, the
 * URL or storage. Until it is copied, leaving the page (reload, a link, Back, "Create another") asks first.
 */
export function ApiKeyReveal({ account, apiKey, onDone }: ApiKeyRevealProps) {
  const [isCopied, setIsCopied] = useState(false);
  const guard = useLeaveGuard({ isShown: true, isArmed: !isCopied });
  return (
    <Card className="flex flex-col gap-4" data-testid="api-key-reveal">
      <div className="flex items-center gap-2">
        <KeyRound aria-hidden className="size-5 shrink-0 text-brand-600 dark:text-brand-300" />
        <h2 className="text-lg font-semibold break-words">
          {account.organizationName} was created ({account.email})
        </h2>
      </div>
      <p className="text-sm font-medium text-amber-800 dark:text-amber-300" role="note">
        This is the account&apos;s API key. Copy it now: it will not be shown again, here or anywhere else in
        the console.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="api-key"
          className="min-w-0 flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all dark:bg-slate-800"
        >
          {apiKey}
        </code>
        <CopyButton value={apiKey} label="API key" onCopied={() => setIsCopied(true)}>
          Copy key
        </CopyButton>
      </div>
      <div className="flex flex-wrap gap-2">
        {/* Saying the key is saved is leaving on purpose; replace drops the extra Back entry the guard added.
            Leaving the page unmounts the form and the key with it. */}
        <Link
          href={`/accounts/${account.id}`}
          replace
          data-leave-guard="allow"
          className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          I have saved the key: open the account
        </Link>
        <Button variant="ghost" onClick={() => guard.confirm(onDone)}>
          Create another
        </Button>
      </div>
      <LeaveKeyDialog open={guard.isAsking} onStay={guard.stay} onLeave={guard.leave} />
    </Card>
  );
}
