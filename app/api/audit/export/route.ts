import { withRoute } from "@/lib/api/with-route";
import { auditExportResponse } from "@/lib/audit/audit-export";
import { auditFilterSchema } from "@/lib/schemas/audit";
import { auditFilterParams } from "@/lib/queries/audit";
import { failureOf, openAudit } from "@/lib/api/route-audit";

export const dynamic = "force-dynamic";

// GET /api/audit/export?actor&action&target&from&to&outcome: the filtered set as a streamed CSV. One
// report.export row per export, completed when the stream ends (withRoute's own step cannot wait for it).
// HEAD runs the checks only and writes nothing.
export const GET = withRoute(
  "GET /api/audit/export",
  { query: auditFilterSchema, skipHandlerOnHead: true },
  async ({ query, ...context }) => {
    const filters = Object.fromEntries(auditFilterParams(query));
    const audit = await openAudit(context, {
      action: "report.export",
      targetType: "audit_report",
      targetLabel: "Audit trail",
      summary: { report: "audit", format: "csv", filters },
    });
    try {
      return auditExportResponse(query, audit);
    } catch (error) {
      await audit.finish(failureOf(error));
      throw error;
    }
  },
);
