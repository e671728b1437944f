"use client";

import { createContext, useContext } from "react";
import { can, deniedReason, type Permission, type Role } from "@/lib/auth/permissions";
import { StepUpHost } from "@/components/auth/step-up-host";
import { Providers } from "./providers";

export interface SignedInStaff {
  email: string;
  name: string;
  role: Role;
}

const StaffContext = createContext<SignedInStaff | null>(null);

/** The signed-in person for the console's pages, and the client providers (TanStack Query, nuqs, toasts). */
export function StaffProvider({ staff, children }: { staff: SignedInStaff; children: React.ReactNode }) {
  return (
    <Providers>
      <StaffContext.Provider value={staff}>{children}</StaffContext.Provider>
      <StepUpHost />
    </Providers>
  );
}

export function useStaff(): SignedInStaff {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error("useStaff() needs the console layout's StaffProvider");
  return staff;
}

/** Mirrors the server's check so an action can be shown disabled with the reason, never hidden. */
export function usePermission(permission: Permission): { allowed: boolean; reason: string } {
  const { role } = useStaff();
  const allowed = can(role, permission);
  return { allowed, reason: allowed ? "" : deniedReason(permission) };
}
