"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Its icon comes drawn by the page (a server component), so no page downloads the icon's code.
export function SignOutButton({ icon }: { icon: React.ReactNode }) {
  const [isSigningOut, setSigningOut] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={isSigningOut}
      onClick={() => {
        setSigningOut(true);
        // Whatever happened, the sign-in page is where this ends: it shows the session as it now is.
        // A full load, not a client navigation: nothing of the signed-in person's cached data stays in memory.
        // The request code is fetched on the click: every console page carried it for this one button.
        void import("@/components/auth/auth-requests")
          .then(({ signOut }) => signOut())
          .catch(() => undefined)
          .then(() => window.location.replace("/login"));
      }}
    >
      {icon}
      {/* A phone's header has room for the icon only; the name stays for screen readers. */}
      <span className="max-sm:sr-only">Sign out</span>
    </Button>
  );
}
