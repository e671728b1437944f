// Low-balance alerts, thresholds and webhook deliveries: bodies, queries and answers (pages and handlers).
import { z } from "zod";
import { idSchema, listPageQuery, listPageSizeQuery, optionalEnum, reasonSchema } from "./common";
import { alertStatuses, deliveryStatuses } from "./feature-values";
// The browser reads these without zod (lib/schemas/feature-values.ts).
export { alertStatuses, deliveryStatuses } from "./feature-values";

export const maxThreshold = 1_000_000;
const thresholdMessage = `Give the threshold as an amount from 0 to ${maxThreshold.toLocaleString("en-US")}, at most 2 decimals, or null for the default.`;
const amountPattern = /^\d{1,7}(\.\d{1,2})?$/;

/** An amount in the account's currency ("25", "25.5", 25.5), normalised to "25.50"; null: the default. */
export const thresholdSchema = z.union(
  [
    z.null(),
    z
      .union([z.string(), z.number()])
      .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
      .refine((value) => amountPattern.test(value) && Number(value) <= maxThreshold, thresholdMessage)
      .transform((value) => Number(value).toFixed(2)),
  ],
  { error: thresholdMessage },
);

export const alertThresholdBodySchema = z.strictObject({
  threshold: thresholdSchema,
  reason: reasonSchema,
});
export type AlertThresholdBody = z.output<typeof alertThresholdBodySchema>;

export const alertThresholdSchema = z.object({
  accountId: z.string(),
  /** The threshold that applies, and whether it is the account's own or the fleet default. */
  threshold: z.string(),
  isDefault: z.boolean(),
  defaultThreshold: z.string(),
  /** The balance a low account must reach again to count as recovered. */
  recoveryLine: z.string(),
  updatedAt: z.string().nullable(),
});
export type AlertThreshold = z.infer<typeof alertThresholdSchema>;

export type AlertStatus = (typeof alertStatuses)[number];

export const alertListQuerySchema = z.object({
  status: optionalEnum(alertStatuses).transform((value) => value ?? "open"),
  page: listPageQuery,
  pageSize: listPageSizeQuery,
});

export const maxAcknowledgeIds = 250;
export const acknowledgeBodySchema = z.strictObject({
  ids: z
    .array(idSchema, { error: "Choose the alerts to acknowledge." })
    .min(1, "Choose at least one alert.")
    .max(maxAcknowledgeIds, `Acknowledge at most ${maxAcknowledgeIds} alerts at once.`),
});

export const alertSchema = z.object({
  id: z.string(),
  type: z.enum(["balance.low", "balance.recovered"]),
  accountId: z.string(),
  accountEmail: z.string().nullable(),
  accountName: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  threshold: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const deliveryListQuerySchema = z.object({
  status: optionalEnum(deliveryStatuses),
  page: listPageQuery,
  pageSize: listPageSizeQuery,
});

export const deliveryAttemptSchema = z.object({
  attemptedAt: z.string(),
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().nullable(),
});

export const deliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  /** Scheme and host only ("/…" for the rest): a path or query may carry a token. */
  url: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  attemptLog: z.array(deliveryAttemptSchema),
});
export type Delivery = z.infer<typeof deliverySchema>;
