// The checks a removal must pass before anything is sent to Telnyx.
import "server-only";
import { AppError } from "@/lib/api/errors";
import type { OrgUser } from "@/lib/schemas/org-users";

export function isOrganizationOwner(user: Pick<OrgUser, "recordType">): boolean {
  return user.recordType === "organization_owner";
}

/** The typed email guards against removing the wrong person: same address, any letter case. */
export function assertConfirmedEmail(user: Pick<OrgUser, "email">, confirmEmail: string): void {
  if (user.email.trim().toLowerCase() !== confirmEmail.trim().toLowerCase()) {
    throw new AppError("validation_failed", "The email you typed does not match this user.", {
      fields: { confirmEmail: "Type this user's email address exactly to confirm." },
    });
  }
}

/**
 * The owner holds the organization itself: Telnyx refuses to remove them, and we refuse first, with a
 * 409 (the request is well formed; it conflicts with who this user is), so nothing is sent upstream.
 */
export function assertRemovable(user: Pick<OrgUser, "recordType">): void {
  if (isOrganizationOwner(user)) {
    throw new AppError(
      "conflict",
      "The organization owner cannot be removed: only sub-users can be removed from an organization.",
    );
  }
}
