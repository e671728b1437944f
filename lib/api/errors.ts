// One error envelope end to end: what the user reads is kept apart from what we log.

export const errorStatusByCode = {
  bad_request: 400,
  unauthorized: 401,
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
} as const;

export type ErrorCode = keyof typeof errorStatusByCode;

export type FieldErrors = Record<string, string>;

export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldErrors;
    retryAfter?: number;
    requestId: string;
  };
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
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldErrors;
  readonly retryAfter?: number;
  readonly upstreamStatus?: number;
  readonly internalMessage?: string;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorStatusByCode[code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.upstreamStatus = options.upstreamStatus;
    this.internalMessage = options.internalMessage;
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
      requestId,
    },
  };
}
