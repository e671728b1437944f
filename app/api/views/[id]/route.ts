import { withRoute } from "@/lib/api/with-route";
import { deleteSavedView, findSavedView } from "@/lib/db/saved-views";
import { idParamsSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// DELETE /api/views/{id}: the owner deletes their view; an admin may also delete a shared one.
export const DELETE = withRoute(
  "DELETE /api/views/[id]",
  {
    params: idParamsSchema,
    audit: ({ params }) => ({ action: "view.delete", targetType: "saved_view", targetId: params.id }),
  },
  async ({ params, staff, setAuditTarget }) => {
    const view = await findSavedView(staff, params.id);
    setAuditTarget({ label: view.name });
    await deleteSavedView(view);
    return { data: { id: view.id } };
  },
);
