import type { BadgeTone } from "@/components/ui/badge";
import type { ReviewReason } from "@/lib/schemas/org-users";

export const flagLabels: Record<ReviewReason, string> = {
  never_signed_in: "never signed in",
  dormant: "dormant",
  bypasses_sso: "bypasses SSO",
};

/** A removal job item's state, as a person reads it. */
export const removalLabels: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "removal queued", tone: "info" },
  running: { label: "removing…", tone: "info" },
  done: { label: "removed", tone: "success" },
  failed: { label: "removal failed", tone: "danger" },
  skipped: { label: "already gone", tone: "neutral" },
  cancelled: { label: "removal cancelled", tone: "neutral" },
};
