import { withRoute } from "@/lib/api/with-route";
import { createStaffBodySchema } from "@/lib/schemas/staff";
import { createStaffMember, listStaffResult } from "@/lib/staff/staff-admin";

export const dynamic = "force-dynamic";

// GET /api/staff: everyone who can sign in, with role, status and last sign-in (never a password hash).
export const GET = withRoute("GET /api/staff", {}, async () => ({ ...(await listStaffResult()) }));

// POST /api/staff { email, name, role, password }: adds a person who can sign in at once.
export const POST = withRoute(
  "POST /api/staff",
  {
    body: createStaffBodySchema,
    audit: ({ body }) => ({
      action: "staff.create",
      targetType: "staff",
      targetLabel: body.email.toLowerCase(),
      summary: { email: body.email.toLowerCase(), name: body.name, role: body.role },
    }),
  },
  async ({ body }) => Response.json({ data: await createStaffMember(body) }, { status: 201 }),
);
