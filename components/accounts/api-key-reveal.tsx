"use client";

import { useState } from "react";
import Link from "next/link";
import { Check, Copy, KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

interface ApiKeyRevealProps {
  account: { id: string; email: string; organizationName: string };
  apiKey: string;
  onDone: () => void;
}

/** The new account's API key, shown once: it lives only in the create form's state, never in a cache. */
export function ApiKeyReveal({ account, apiKey, onDone }: ApiKeyRevealProps) {
  const [isCopied, setIsCopied] = useState(false);
  const [copyError, setCopyError] = useState<string>();
  return (
    <Card className="flex flex-col gap-4" data-testid="api-key-reveal">
      <div className="flex items-center gap-2">
        <KeyRound aria-hidden className="size-5 text-brand-600" />
        <h2 className="text-lg font-semibold">
          {account.organizationName} was created ({account.email})
        </h2>
      </div>
      <p className="text-sm font-medium text-amber-800 dark:text-amber-300" role="note">
        This is the account&apos;s API key. Copy it now: it will not be shown again, here or anywhere else in
        the console.
      </p>
      <div className="flex items-center gap-2">
        <code
          data-testid="api-key"
          className="flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-2 font-mono text-sm dark:bg-slate-800"
        >
          {apiKey}
        </code>
        <Button
          variant="secondary"
          onClick={() =>
            navigator.clipboard.writeText(apiKey).then(
              () => setIsCopied(true),
              () => setCopyError("Copying was blocked by the browser: select the key and copy it by hand."),
            )
          }
        >
          {isCopied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          {isCopied ? "Copied" : "Copy key"}
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-red-600">
        {copyError}
      </p>
      <div className="flex gap-2">
        <Link
          href={`/accounts/${account.id}`}
          onClick={onDone}
          className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          I have saved the key: open the account
        </Link>
        <Button variant="ghost" onClick={onDone}>
          Create another
        </Button>
      </div>
    </Card>
  );
}
