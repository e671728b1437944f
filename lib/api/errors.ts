// One error envelope end to end: what the user reads is kept apart from what we log.

export const errorStatusByCode = {
  bad_request: 400,
  unauthorized: 401,
  /** Signed in, but not recently enough for this action: authenticate again (POST /api/auth/step-up). */
  step_up_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  /** Our own database cannot be reached: nothing was sent to Telnyx; try again shortly. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatusByCode;

export type FieldErrors = Record<string, string>;

/**
 * A mutation whose answer was lost: "unknown" when a read-back could not tell whether Telnyx made the
 * change (the audit row says so too, and is settled later where it can be), "not_applied" when it showed
 * that Telnyx did not.
 */
export type MutationOutcome = "unknown" | "not_applied";

export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldErrors;
    retryAfter?: number;
    outcome?: MutationOutcome;
    requestId: string;
  };
}

/**
 * Whether a failed call may have reached Telnyx: "answered" when Telnyx finished with the request but its
 * answer was an error we cannot trust (a 5xx, a cut-off body), "in_flight" when we stopped waiting (our
 * deadline, a reset) and Telnyx may still be working on it. Undefined when it certainly changed nothing.
 */
export type Ambiguity = "answered" | "in_flight";

/** What the audit row of a failed mutation should say, when a read-back decided it. */
export interface AuditSettlement {
  outcome: "success" | "failure";
  upstreamStatus?: number;
  errorCode?: string;
  target?: { id?: string; label?: string };
}

interface AppErrorOptions {
  fields?: FieldErrors;
  /** Seconds the caller should wait before trying again. */
  retryAfter?: number;
  /** The HTTP status Telnyx answered, kept for the audit trail and logs. */
  upstreamStatus?: number;
  /** What went wrong in our words, for logs only; never sent to the browser. */
  internalMessage?: string;
  cause?: unknown;
  ambiguity?: Ambiguity;
  outcome?: MutationOutcome;
  /** For outcome "unknown": later read-backs that settle the audit row (resolve undefined to leave it). */
  settleLater?: () => Promise<AuditSettlement | undefined>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldErrors;
  readonly retryAfter?: number;
  readonly upstreamStatus?: number;
  readonly internalMessage?: string;
  readonly ambiguity?: Ambiguity;
  readonly outcome?: MutationOutcome;
  readonly settleLater?: () => Promise<AuditSettlement | undefined>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorStatusByCode[code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.upstreamStatus = options.upstreamStatus;
    this.internalMessage = options.internalMessage;
    this.ambiguity = options.ambiguity;
    this.outcome = options.outcome;
    this.settleLater = options.settleLater;
  }
}

/** By shape as well as class: a page and a route handler are separate bundles, each with its own AppError. */
export function isAppError(value: unknown): value is AppError {
  if (value instanceof AppError) return true;
  return (
    value instanceof Error &&
    value.name === "AppError" &&
    typeof (value as Partial<AppError>).code === "string" &&
    typeof (value as Partial<AppError>).status === "number"
  );
}

export function toErrorEnvelope(error: AppError, requestId: string): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
      ...(error.outcome ? { outcome: error.outcome } : {}),
      requestId,
    },
  };
}
