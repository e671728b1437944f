import { withRoute } from "@/lib/api/with-route";
import { groupsReportQuerySchema } from "@/lib/schemas/org-users";
import { groupsReportResponse } from "@/lib/users/groups-report";
import { failureOf, openAudit } from "@/lib/api/route-audit";

export const dynamic = "force-dynamic";

// GET /api/org-users/groups-report?format=csv|json. One report.export row per export; the CSV's row is
// completed when its stream ends, which withRoute's own audit step cannot wait for. HEAD writes nothing.
export const GET = withRoute(
  "GET /api/org-users/groups-report",
  { query: groupsReportQuerySchema, skipHandlerOnHead: true },
  async ({ query, ...context }) => {
    const audit = await openAudit(context, {
      action: "report.export",
      targetType: "org_users_report",
      targetLabel: "Users and groups report",
      summary: { format: query.format },
    });
    try {
      return await groupsReportResponse(query.format, audit);
    } catch (error) {
      await audit.finish(failureOf(error));
      throw error;
    }
  },
);
