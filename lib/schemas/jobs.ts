// Bulk jobs: the create body, list queries and the Job answer. Shared by forms and handlers (no server-only).
import { z } from "zod";
import { idSchema, listPageQuery, listPageSizeQuery, optionalEnum, reasonSchema, safeText } from "./common";
import { managedAccountListQuerySchema } from "./managed-accounts";
import { orgUserListQuerySchema } from "./org-users";
import { jobActions, jobItemStatuses, jobStatuses } from "./feature-values";
// The browser reads these without zod (lib/schemas/feature-values.ts).
export {
  confirmAbove,
  confirmationText,
  confirmVerbs,
  jobActions,
  jobItemStatuses,
  jobStatuses,
} from "./feature-values";

export type JobAction = (typeof jobActions)[number];
export type JobStatus = (typeof jobStatuses)[number];
export type JobItemStatus = (typeof jobItemStatuses)[number];

export const maxJobTargets = 10_000;

// Each action's own parameters; unknown keys are refused like any other body field.
export const jobParamsSchemas = {
  "account.disable": z.strictObject({}),
  "account.enable": z.strictObject({ reenableAllConnections: z.boolean().optional() }),
  "account.channel_limit": z.strictObject({
    channelLimit: z
      .int({ error: "Enter a whole number of channels." })
      .min(0, "The channel limit cannot be negative.")
      .max(1_000_000, "That is more channels than any pool holds."),
  }),
  "account.pricing": z.strictObject({
    allowCustomPricing: z.boolean({ error: "Say whether custom pricing is allowed (true or false)." }),
  }),
  "org_user.remove": z.strictObject({}),
} satisfies Record<JobAction, z.ZodType>;

// Exactly one of: the ids themselves, or a whole view (the list's own query, resolved to ids on the server
// when the job is created).
const targetSchema = z
  .strictObject({
    ids: z
      .array(idSchema, { error: "Give the ids as a list." })
      .min(1, "Select at least one.")
      .max(maxJobTargets, `A job takes at most ${maxJobTargets.toLocaleString("en")} targets.`)
      // The same id twice would be changed (and counted) twice.
      .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
      .optional(),
    view: z.record(z.string(), z.unknown(), { error: "Give the view as the list's filters." }).optional(),
  })
  .refine((target) => (target.ids === undefined) !== (target.view === undefined), {
    message: "Give either ids or a view, not both.",
  });

export const createJobBodySchema = z
  .strictObject({
    action: z.enum(jobActions, { error: `Choose one of: ${jobActions.join(", ")}.` }),
    target: targetSchema,
    params: z.record(z.string(), z.unknown()).optional().default({}),
    reason: reasonSchema,
    confirm: safeText().trim().max(40).optional(),
  })
  .transform((body, context) => {
    const params = jobParamsSchemas[body.action].safeParse(body.params);
    if (!params.success) {
      for (const issue of params.error.issues) {
        context.addIssue({ ...issue, path: ["params", ...issue.path] } as z.core.$ZodRawIssue);
      }
      return z.NEVER;
    }
    let target: { ids: string[] } | { view: Record<string, unknown> } = { ids: body.target.ids ?? [] };
    if (body.target.view) {
      const viewSchema =
        body.action === "org_user.remove" ? orgUserListQuerySchema : managedAccountListQuerySchema;
      const view = viewSchema.safeParse(body.target.view);
      if (!view.success) {
        for (const issue of view.error.issues) {
          context.addIssue({ ...issue, path: ["target", "view", ...issue.path] } as z.core.$ZodRawIssue);
        }
        return z.NEVER;
      }
      target = { view: view.data };
    }
    return { ...body, target, params: params.data as Record<string, unknown> };
  });
export type CreateJobBody = z.output<typeof createJobBodySchema>;

export const jobListQuerySchema = z.object({
  status: optionalEnum(jobStatuses),
  action: optionalEnum(jobActions),
  page: listPageQuery,
  pageSize: listPageSizeQuery,
});
export type JobListQuery = z.output<typeof jobListQuerySchema>;

export const jobItemListQuerySchema = z.object({
  status: optionalEnum(jobItemStatuses),
  page: listPageQuery,
  pageSize: listPageSizeQuery,
});
export type JobItemListQuery = z.output<typeof jobItemListQuerySchema>;

export const jobIdParamsSchema = z.object({ id: idSchema });

export const jobSchema = z.strictObject({
  id: z.string(),
  action: z.enum(jobActions),
  status: z.enum(jobStatuses),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  cancelled: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  reason: z.string(),
  params: z.record(z.string(), z.unknown()),
  cancelRequested: z.boolean(),
  retryOf: z.string().nullable(),
  /** Items finished per second since the job started; only while it runs. */
  rate: z.number().optional(),
  /** Seconds left at that rate; only while it runs and once a rate is known. */
  etaSeconds: z.number().int().optional(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobItemSchema = z.strictObject({
  position: z.number().int(),
  targetId: z.string(),
  label: z.string().nullable(),
  status: z.enum(jobItemStatuses),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number().int(),
  auditId: z.string().nullable(),
  updatedAt: z.string(),
});
export type JobItem = z.infer<typeof jobItemSchema>;
