import { withRoute } from "@/lib/api/with-route";
import { createSavedView, listSavedViews } from "@/lib/db/saved-views";
import { createSavedViewBodySchema, savedViewListQuerySchema } from "@/lib/schemas/saved-views";

export const dynamic = "force-dynamic";

// GET /api/views?list=accounts|users: the caller's own views and those shared with the team.
export const GET = withRoute(
  "GET /api/views",
  { query: savedViewListQuerySchema },
  async ({ query, staff }) => ({ data: await listSavedViews(staff, query.list) }),
);

// POST /api/views { name, list, shared, query }: saves a list's filters, sort and page size under a name.
export const POST = withRoute(
  "POST /api/views",
  {
    body: createSavedViewBodySchema,
    audit: ({ body }) => ({
      action: "view.create",
      targetType: "saved_view",
      targetLabel: body.name,
      summary: { list: body.list, shared: body.shared, query: body.query },
    }),
  },
  async ({ body, staff, setAuditTarget }) => {
    const data = await createSavedView(staff, body);
    setAuditTarget({ id: data.id });
    return Response.json({ data }, { status: 201 });
  },
);
