"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * next-auth's sign-out as two requests (its CSRF token, then the POST it checks) without next-auth/react,
 * which every console page downloaded for this one button. The server ends the session row either way.
 */
async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  // A full load, not a client navigation: nothing of the signed-in person's cached data stays in memory.
  window.location.replace("/login");
}

export function SignOutButton() {
  const [isSigningOut, setSigningOut] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={isSigningOut}
      onClick={() => {
        setSigningOut(true);
        // Whatever happened, the sign-in page is where this ends: it shows the session as it now is.
        void signOut().catch(() => window.location.replace("/login"));
      }}
    >
      <LogOut aria-hidden className="size-4" />
      {/* A phone's header has room for the icon only; the name stays for screen readers. */}
      <span className="max-sm:sr-only">Sign out</span>
    </Button>
  );
}
