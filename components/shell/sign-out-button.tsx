"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="secondary" size="sm" onClick={() => signOut({ callbackUrl: "/login" })}>
      <LogOut aria-hidden className="size-4" />
      {/* A phone's header has room for the icon only; the name stays for screen readers. */}
      <span className="max-sm:sr-only">Sign out</span>
    </Button>
  );
}
