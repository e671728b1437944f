import "server-only";
import { AppError } from "@/lib/api/errors";
import type { StaffSession } from "@/lib/auth/session";

/** withRoute has already checked the session on every permissioned route; this narrows the type for TS. */
export function requireStaff(staff: StaffSession | null): StaffSession {
  if (!staff) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
  return staff;
}
