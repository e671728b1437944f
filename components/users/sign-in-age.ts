import { dormantAfterDays } from "@/lib/schemas/values";

// The list's dormant mark: no sign-in for 90 days, or never (the rule the access review applies too).
export const DORMANT_DAYS = dormantAfterDays;
const DAY_MS = 86_400_000;

export function isDormant(lastSignInAt: string | null, now: number = Date.now()): boolean {
  if (lastSignInAt === null) return true;
  const signedInAt = Date.parse(lastSignInAt);
  return Number.isFinite(signedInAt) && now - signedInAt >= DORMANT_DAYS * DAY_MS;
}
