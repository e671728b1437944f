import type { ErrorCode, ErrorEnvelope, FieldErrors, MutationOutcome } from "@/lib/api/errors";
import { requestStepUp } from "./step-up";

/** Our error envelope, as the browser sees it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly retryAfter?: number,
    readonly requestId?: string,
    /** "unknown" when Telnyx may or may not have made the change (the message says what we checked). */
    readonly outcome?: MutationOutcome,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What a dialog shows, as a notice rather than an error, when the approval policy held a request back. */
export const approvalPendingMessage =
  "Sent for approval: a second staff member must approve this before it happens (see Approvals).";

/**
 * A request the two-person approval policy held back (202 with data.approval): nothing changed yet. Thrown
 * so no hook reports the action as done; its message says where the request now waits.
 */
export class ApprovalPendingError extends ApiError {
  constructor(readonly approval: { id: string; action: string; expiresAt: string }) {
    super(202, "conflict", approvalPendingMessage);
    this.name = "ApprovalPendingError";
  }
}

export async function fetchJson<T>(
  url: string,
  init: RequestInit & { json?: unknown } = {},
  hasSteppedUp = false,
): Promise<T> {
  const { json, headers, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: {
        Accept: "application/json",
        ...(json !== undefined ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new ApiError(0, "upstream_unavailable", "The console could not be reached. Check your connection.");
  }
  if (response.status === 202) {
    const body = (await response.json()) as {
      data?: { approval?: { id: string; action: string; expiresAt: string } };
    };
    if (body.data?.approval) throw new ApprovalPendingError(body.data.approval);
    return body as T;
  }
  if (response.ok) return (await response.json()) as T;
  const envelope = (await response.json().catch(() => null)) as ErrorEnvelope | null;
  const error = envelope?.error;
  // Signed in, but not recently enough for this action: the step-up dialog asks in place, then the same
  // request goes again, once.
  if (error?.code === "step_up_required" && typeof window !== "undefined") {
    if (!hasSteppedUp && (await requestStepUp())) return fetchJson<T>(url, init, true);
  } else if (response.status === 401 && typeof window !== "undefined") {
    // A full load on purpose: the session is gone, so nothing rendered for it should survive.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(
      `/login?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  }
  throw new ApiError(
    response.status,
    error?.code ?? "internal",
    error?.message ?? `The console answered ${response.status}.`,
    error?.fields,
    error?.retryAfter,
    error?.requestId,
    error?.outcome,
  );
}
