// Starting a campaign: the access review read now, its flagged people frozen as the campaign's items.
import "server-only";
import { AppError } from "@/lib/api/errors";
import { insertAccessReview } from "@/lib/db/access-reviews";
import type { AccessReview, CreateAccessReviewBody } from "@/lib/schemas/access-reviews";
import { getGroupsReportJson } from "@/lib/telnyx/org-users";
import { buildAccessReview } from "@/lib/users/review";

export async function startAccessReview(
  body: CreateAccessReviewBody,
  ownerStaffId: string,
  now = new Date(),
): Promise<AccessReview> {
  // The same computation as GET /api/org-users/review without filters: what the page shows is what freezes.
  const flagged = buildAccessReview(await getGroupsReportJson(), {}, now).data;
  if (flagged.length === 0) {
    throw new AppError("conflict", "Nobody is flagged right now: there is no one to review.");
  }
  return insertAccessReview({
    ...body,
    ownerStaffId,
    items: flagged.map((user) => ({ orgUserId: user.id, email: user.email, flags: user.reasons })),
  });
}
