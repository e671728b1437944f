// Step-up: the re-authentication body and what the dialog learns before asking.
import { z } from "zod";

export const stepUpBodySchema = z.strictObject({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
  code: z
    .string()
    .trim()
    .max(64, "Enter the code from your authenticator app or a recovery code.")
    .optional()
    .transform((code) => code || undefined),
});
export type StepUpBody = z.output<typeof stepUpBodySchema>;

export interface StepUpStatusDto {
  /** "sso": the identity provider asks again (a redirect); "password": the dialog asks in place. */
  via: "password" | "sso";
  /** The person has MFA on: the dialog asks for a code too. */
  needsCode: boolean;
  authenticatedAt: string | null;
  freshUntil: string | null;
  isFresh: boolean;
}
