import { withRoute } from "@/lib/api/with-route";
import { getAuditEventDto } from "@/lib/audit/audit-events";
import { idParamsSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/audit/{id}: one row with every field.
export const GET = withRoute("GET /api/audit/[id]", { params: idParamsSchema }, async ({ params }) => ({
  data: await getAuditEventDto(params.id),
}));
