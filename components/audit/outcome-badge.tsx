import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AuditOutcomeName } from "@/lib/schemas/audit";

const tones: Record<AuditOutcomeName, BadgeTone> = {
  success: "success",
  failure: "danger",
  denied: "danger",
  pending: "info",
  unknown: "warning",
};

// "unknown" means the process stopped between intent and outcome: say so rather than a bare word.
const titles: Partial<Record<AuditOutcomeName, string>> = {
  pending: "In progress: the request has not finished yet.",
  unknown: "Outcome unknown: the console stopped before the request finished. Check Telnyx.",
};

export function OutcomeBadge({ outcome }: { outcome: AuditOutcomeName }) {
  return (
    <Badge tone={tones[outcome] ?? "neutral"} title={titles[outcome]} data-testid="audit-outcome">
      {outcome === "unknown" ? "outcome unknown" : outcome}
    </Badge>
  );
}
