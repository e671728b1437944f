"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signInWithSso } from "./auth-requests";

/** "Sign in with SSO": next-auth's OIDC flow (PKCE, state, nonce) to the configured identity provider. */
export function SsoButton({ callbackUrl, isPrimary }: { callbackUrl: string; isPrimary: boolean }) {
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      type="button"
      variant={isPrimary ? "primary" : "secondary"}
      className="w-full"
      disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signInWithSso(callbackUrl).catch(() => setIsPending(false));
      }}
    >
      <KeyRound aria-hidden className="size-4" />
      {isPending ? "Opening single sign-on…" : "Sign in with SSO"}
    </Button>
  );
}
