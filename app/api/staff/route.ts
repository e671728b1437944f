import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import { withRoute } from "@/lib/api/with-route";
import { approvalPolicy } from "@/lib/approvals/policy";
import { createStaffBodySchema } from "@/lib/schemas/staff";
import { createStaffMember, listStaffResult, staffCreateIntent } from "@/lib/staff/staff-admin";
import { failureOf, openAudit } from "@/lib/api/route-audit";

export const dynamic = "force-dynamic";

// GET /api/staff: everyone who can sign in, with role, status and last sign-in (never a password hash).
export const GET = withRoute("GET /api/staff", {}, async () => ({ ...(await listStaffResult()) }));

// POST /api/staff { email, name, role, password }: adds a person who can sign in at once. The audit row is
// opened here, not by withRoute, so it carries the new person's id (chosen before the insert).
export const POST = withRoute(
  "POST /api/staff",
  { body: createStaffBodySchema, stepUp: true },
  async ({ body, ...context }) => {
    // A new admin would skip the second person that making someone an admin needs (no password is ever
    // kept in an approval): add them with another role, then ask.
    if (body.role === "admin" && approvalPolicy()["staff.make_admin"]) {
      throw new AppError(
        "validation_failed",
        "Add the person as support or viewer, then make them an admin.",
        {
          fields: { role: "A new admin needs a second admin's approval: add them with another role first." },
        },
      );
    }
    const id = randomUUID();
    const audit = await openAudit(context, staffCreateIntent(id, body));
    try {
      const data = await createStaffMember(id, body);
      await audit.finish({ outcome: "success" });
      return Response.json({ data }, { status: 201 });
    } catch (error) {
      await audit.finish(failureOf(error));
      throw error;
    }
  },
);
