import type { ErrorCode, ErrorEnvelope, FieldErrors, MutationOutcome } from "@/lib/api/errors";

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

export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
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
  if (response.ok) return (await response.json()) as T;
  const envelope = (await response.json().catch(() => null)) as ErrorEnvelope | null;
  const error = envelope?.error;
  if (response.status === 401 && typeof window !== "undefined") {
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
