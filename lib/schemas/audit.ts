// The audit trail: our API's query and answer shapes. Shared by the page, the hooks and the handlers.
import { z } from "zod";
import { listPageQuery, listPageSizeQuery, optionalEnum, optionalText } from "./common";
import { auditOutcomes, toIsoInstant } from "./audit-values";
// The browser reads these without zod (lib/schemas/audit-values.ts).
export { auditOutcomes, knownAuditActions, toIsoInstant } from "./audit-values";

export type AuditOutcomeName = (typeof auditOutcomes)[number];

function queryInstant(name: string) {
  const message = `${name} must be a date and time such as 2025-01-31T13:45 (UTC) or an ISO timestamp.`;
  return optionalText(40).pipe(
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return undefined;
        const iso = toIsoInstant(value);
        if (iso === null) {
          context.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        return iso;
      }),
  );
}

export const auditFilterSchema = z
  .object({
    // Part of an actor's email, or an actor id.
    actor: optionalText(254),
    // An exact action, or a family such as `account.*`.
    action: optionalText(100),
    // A target id, or part of a target label.
    target: optionalText(254),
    from: queryInstant("From"),
    to: queryInstant("To"),
    outcome: optionalEnum(auditOutcomes),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from < filters.to, {
    message: "To must be later than From.",
    path: ["to"],
  });
export type AuditFilterQuery = z.output<typeof auditFilterSchema>;

export const auditListQuerySchema = z
  .object({
    page: listPageQuery,
    pageSize: listPageSizeQuery,
  })
  .and(auditFilterSchema);
export type AuditListQuery = z.output<typeof auditListQuerySchema>;

export interface AuditActorDto {
  id: string | null;
  email: string | null;
  role: string | null;
}

export interface AuditTargetDto {
  type: string | null;
  id: string | null;
  label: string | null;
}

/** One audit row as the API answers it. Times are ISO strings in UTC. */
export interface AuditEventDto {
  id: string;
  occurredAt: string;
  completedAt: string | null;
  actor: AuditActorDto | null;
  action: string;
  target: AuditTargetDto;
  reason: string | null;
  requestSummary: Record<string, unknown> | null;
  outcome: AuditOutcomeName;
  upstreamStatus: number | null;
  errorCode: string | null;
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
  // Flat copies for the history lists and tests written before the nested shape; same values.
  actorEmail: string | null;
  actorRole: string | null;
  targetId: string | null;
  targetLabel: string | null;
}
