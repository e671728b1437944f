"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

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
        void signIn("oidc", { callbackUrl }).catch(() => setIsPending(false));
      }}
    >
      <KeyRound aria-hidden className="size-4" />
      {isPending ? "Opening single sign-on…" : "Sign in with SSO"}
    </Button>
  );
}
