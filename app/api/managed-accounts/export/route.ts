import { withRoute } from "@/lib/api/with-route";
import { failureOf, openAudit } from "@/lib/api/route-audit";
import { accountExportResponse } from "@/lib/accounts/export-response";
import { accountExportQuerySchema } from "@/lib/schemas/account-export";

export const dynamic = "force-dynamic";

// GET /api/managed-accounts/export?format=csv|json&<list filters>: every page of the filtered list,
// streamed. One report.export row per export, completed with the row count when the stream ends (which
// withRoute's own audit step cannot wait for). HEAD runs the checks only and writes nothing.
export const GET = withRoute(
  "GET /api/managed-accounts/export",
  { query: accountExportQuerySchema, skipHandlerOnHead: true },
  async ({ query, ...context }) => {
    const { format, email, emailMatch, org, orgMatch, status, sort, includeCancelled } = query;
    const audit = await openAudit(context, {
      action: "report.export",
      targetType: "managed_accounts",
      summary: {
        report: "accounts",
        format,
        filters: { email, emailMatch, org, orgMatch, status, sort, includeCancelled },
      },
    });
    try {
      return await accountExportResponse(query, audit, context.request.signal);
    } catch (error) {
      await audit.finish(failureOf(error));
      throw error;
    }
  },
);
