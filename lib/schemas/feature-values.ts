// The constants of the jobs, approvals, alerts, staff, access-review and saved-view forms and
// filters, without zod (see values.ts); apart from values.ts so that every page does not carry them.

// jobs
export const jobActions = [
  "account.disable",
  "account.enable",
  "account.channel_limit",
  "account.pricing",
  "org_user.remove",
] as const;
export const jobStatuses = ["queued", "running", "succeeded", "partial", "failed", "cancelled"] as const;
export const jobItemStatuses = ["pending", "running", "done", "failed", "skipped", "cancelled"] as const;
/** Above this many items the person types "<verb> <count>" to confirm. */
export const confirmAbove = 25;
/** The word a confirmation starts with: "disable 240", "set 40", "pricing 30", "remove 26". */
type JobAction = (typeof jobActions)[number];
export const confirmVerbs: Record<JobAction, string> = {
  "account.disable": "disable",
  "account.enable": "enable",
  "account.channel_limit": "set",
  "account.pricing": "pricing",
  "org_user.remove": "remove",
};
export function confirmationText(action: JobAction, count: number): string {
  return `${confirmVerbs[action]} ${count}`;
}

// approvals
export const approvalStatusNames = [
  "pending",
  "approved",
  "denied",
  "expired",
  "executed",
  "failed",
] as const;

// alerts
export const alertStatuses = ["open", "acknowledged", "all"] as const;
export const deliveryStatuses = ["pending", "delivered", "failed"] as const;

// staff
// The server's rule (lib/auth/password.ts) is the authority; this lets the form say so before sending.
export const minStaffPasswordLength = 12;

// access-reviews
export const maxReviewNameLength = 120;

// saved-views
export const maxSavedViewNameLength = 80;
