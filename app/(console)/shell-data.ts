// What the console shell shows on every page, read on the server with the page instead of asked for by the
// browser after it: the sidebar's saved views, the running-jobs badge and the open-alert and waiting-approval
// counts (four requests on every fresh load otherwise). Same query keys as the hooks, and the same functions
// and permission as the API routes they would have called.
import "server-only";
import { headers } from "next/headers";
import type { QueryClient } from "@tanstack/react-query";
import { listApprovalsFor } from "@/lib/approvals/list";
import { now } from "@/lib/auth/clock";
import { can } from "@/lib/auth/permissions";
import type { StaffSession } from "@/lib/auth/session";
import { countOpenAlerts } from "@/lib/db/balance-alerts";
import { listJobs } from "@/lib/db/jobs";
import { listSavedViews } from "@/lib/db/saved-views";
import { toJob } from "@/lib/jobs/job-dto";
import { savedViewsOptions } from "@/lib/queries/saved-views";
import {
  liveJobsOptions,
  liveStatuses,
  openAlertCountOptions,
  pendingApprovalCountOptions,
} from "@/lib/queries/shell-badges";

export async function prefetchShellData(queryClient: QueryClient, staff: StaffSession): Promise<void> {
  const prefetches = [
    queryClient.prefetchQuery({
      ...savedViewsOptions(),
      queryFn: async () => ({ data: await listSavedViews(staff) }),
    }),
  ];
  // GET /api/jobs, /api/alerts and /api/approvals all need accounts.read (lib/api/route-permissions.ts).
  if (can(staff.role, "accounts.read")) {
    const at = now(await headers());
    prefetches.push(
      queryClient.prefetchQuery({
        ...liveJobsOptions(),
        queryFn: async () => {
          const pages = await Promise.all(
            liveStatuses.map((status) => listJobs({ status, page: 1, pageSize: 100 })),
          );
          const nowMs = Date.now();
          return pages.flatMap(({ rows }) => rows.map((row) => toJob(row, nowMs)));
        },
      }),
      queryClient.prefetchQuery({ ...openAlertCountOptions(), queryFn: () => countOpenAlerts() }),
      queryClient.prefetchQuery({
        ...pendingApprovalCountOptions(),
        queryFn: async () =>
          (await listApprovalsFor(staff, { status: "pending", page: 1, pageSize: 1 }, at)).meta.pendingCount,
      }),
    );
  }
  // A failed prefetch is not dehydrated: the browser then asks as before.
  await Promise.all(prefetches);
}
