import { decisionsCsv, decisionsCsvFilename } from "@/lib/access-reviews/decisions-csv";
import { withRoute } from "@/lib/api/with-route";
import { allAccessReviewItems, getAccessReviewOrThrow } from "@/lib/db/access-reviews";
import { accessReviewParamsSchema } from "@/lib/schemas/access-reviews";

export const dynamic = "force-dynamic";

// GET /api/access-reviews/{id}/decisions.csv: every person, decision and removal outcome; one report.export
// row. A campaign holds the flagged people of one report (hundreds), so it is built whole.
export const GET = withRoute(
  "GET /api/access-reviews/[id]/decisions.csv",
  {
    params: accessReviewParamsSchema,
    skipHandlerOnHead: true,
    audit: ({ params }) => ({
      action: "report.export",
      targetType: "access_review",
      targetId: params.id,
      summary: { report: "access_review_decisions", format: "csv" },
    }),
  },
  async ({ params, setAuditTarget }) => {
    const review = await getAccessReviewOrThrow(params.id);
    setAuditTarget({ label: review.name });
    const csv = decisionsCsv(await allAccessReviewItems(review.id));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${decisionsCsvFilename(review)}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
