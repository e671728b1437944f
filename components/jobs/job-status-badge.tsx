import { Badge } from "@/components/ui/badge";
import type { JobItemStatus, JobStatus } from "@/lib/schemas/jobs";
import { itemStatusTones, jobStatusTones } from "./job-labels";

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <Badge tone={jobStatusTones[status]} data-testid="job-status">
      {status}
    </Badge>
  );
}

export function ItemStatusBadge({ status }: { status: JobItemStatus }) {
  return (
    <Badge tone={itemStatusTones[status]} data-testid="item-status">
      {status}
    </Badge>
  );
}
