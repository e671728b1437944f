// What each bulk action and status is called on screen.
import type { BadgeTone } from "@/components/ui/badge";
import type { JobAction, JobItemStatus, JobStatus } from "@/lib/schemas/jobs";

export const actionLabels: Record<JobAction, string> = {
  "account.disable": "Disable accounts",
  "account.enable": "Enable accounts",
  "account.channel_limit": "Set channel limit",
  "account.pricing": "Custom pricing",
  "org_user.remove": "Remove users",
};

export const jobStatusTones: Record<JobStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  succeeded: "success",
  partial: "warning",
  failed: "danger",
  cancelled: "neutral",
};

export const itemStatusTones: Record<JobItemStatus, BadgeTone> = {
  pending: "neutral",
  running: "info",
  done: "success",
  failed: "danger",
  skipped: "warning",
  cancelled: "neutral",
};

/** A job's one-line description: "Disable accounts", "Set channel limit to 5"… */
export function describeJob(job: { action: JobAction; params?: Record<string, unknown> }): string {
  const params = job.params ?? {};
  if (job.action === "account.channel_limit" && typeof params.channelLimit === "number") {
    return `Set channel limit to ${params.channelLimit}`;
  }
  if (job.action === "account.pricing" && typeof params.allowCustomPricing === "boolean") {
    return params.allowCustomPricing ? "Allow custom pricing" : "Turn off custom pricing";
  }
  return actionLabels[job.action];
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes < 60) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
