import { withRoute } from "@/lib/api/with-route";
import { listAuditEvents } from "@/lib/audit/audit-events";
import { auditListQuerySchema } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

// GET /api/audit?actor&action&target&from&to&outcome&page&pageSize: newest first.
export const GET = withRoute("GET /api/audit", { query: auditListQuerySchema }, async ({ query }) => ({
  ...(await listAuditEvents(query)),
}));
