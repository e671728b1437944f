import { withRoute } from "@/lib/api/with-route";
import { createStaffBodySchema } from "@/lib/schemas/staff";
import { createStaffMember, listStaffDtos } from "@/lib/staff/staff-admin";

export const dynamic = "force-dynamic";

// GET /api/staff: everyone who can sign in, with role, status and last sign-in (never a password hash).
export const GET = withRoute("GET /api/staff", {}, async () => {
  const data = await listStaffDtos();
  return { data, meta: { page: 1, pageSize: data.length, totalPages: 1, totalResults: data.length } };
});

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
