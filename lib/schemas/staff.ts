// Staff administration: our API's bodies and answers. Shared by the Staff page's forms and the handlers.
import { z } from "zod";
import { roles, type Role } from "@/lib/auth/permissions";
import { safeText } from "./common";
import { minStaffPasswordLength } from "./feature-values";
// The browser reads these without zod (lib/schemas/feature-values.ts).
export { minStaffPasswordLength } from "./feature-values";

export const staffStatuses = ["active", "disabled"] as const;
export type StaffStatusName = (typeof staffStatuses)[number];

const passwordSchema = safeText({ error: "Enter a password." })
  .min(minStaffPasswordLength, `Use at least ${minStaffPasswordLength} characters.`)
  .max(256, "Use at most 256 characters.");

export const createStaffBodySchema = z.strictObject({
  email: z.email("Enter a valid email address.").trim().max(254),
  name: safeText({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(120, "Keep it under 120 characters."),
  role: z.enum(roles, { error: `Choose one of: ${roles.join(", ")}.` }),
  password: passwordSchema,
});
export type CreateStaffBody = z.output<typeof createStaffBodySchema>;

/** One change per request: a role, a status or a new password. */
export const updateStaffBodySchema = z
  .strictObject({
    role: z.enum(roles, { error: `Choose one of: ${roles.join(", ")}.` }).optional(),
    status: z.enum(staffStatuses, { error: "Status is active or disabled." }).optional(),
    password: passwordSchema.optional(),
  })
  .refine((body) => Object.values(body).filter((value) => value !== undefined).length === 1, {
    message: "Send exactly one change: role, status or password.",
    path: ["_"],
  });
export type UpdateStaffBody = z.output<typeof updateStaffBodySchema>;

/** A staff member as the API answers: never a password hash. Times are ISO strings in UTC. */
export interface StaffDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: StaffStatusName;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
  /** Two-factor authentication (TOTP) is on: an admin may reset it. */
  mfaEnabled?: boolean;
}
