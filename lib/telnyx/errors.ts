import "server-only";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "telnyx";
import { AppError, isAppError, type Ambiguity, type FieldErrors } from "@/lib/api/errors";
import { fieldFromParameter, fieldFromPointer } from "./field-names";
import { retryAfterSeconds } from "./retry-after";

interface TelnyxErrorItem {
  code?: unknown;
  title?: unknown;
  detail?: unknown;
  source?: { pointer?: unknown; parameter?: unknown };
}

function errorItems(body: unknown): TelnyxErrorItem[] {
  if (typeof body !== "object" || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors.filter((item) => typeof item === "object" && item !== null) : [];
}

const asText = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Codes and titles only: enough to diagnose from a log line, never a body that might echo input. */
function summarize(status: number | undefined, items: TelnyxErrorItem[]): string {
  const parts = items.map((item) => [asText(item.code), asText(item.title)].filter(Boolean).join(" "));
  return `Telnyx answered ${status ?? "without a status"}${parts.length ? `: ${parts.join("; ")}` : ""}`;
}

function fieldsOf(items: TelnyxErrorItem[], useDetail: boolean): FieldErrors | undefined {
  const fields: FieldErrors = {};
  for (const item of items) {
    const field =
      fieldFromPointer(asText(item.source?.pointer)) ?? fieldFromParameter(asText(item.source?.parameter));
    const message = (useDetail && asText(item.detail)) || "Telnyx did not accept this value.";
    // "_" is the form-level slot (as in lib/api/parse.ts) for a 422 that names no field.
    const key = field ?? (useDetail ? "_" : undefined);
    if (key) fields[key] ??= message;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * A body cut off mid-way: undici reports "terminated" (socket closed before content-length), a JSON body
 * that ends early fails to parse. Neither is an SDK class, so they are recognised here.
 */
export function isBrokenBody(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  if (!(error instanceof TypeError)) return false;
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return error.message === "terminated" || (typeof code === "string" && /^(UND_ERR|ECONNRESET)/.test(code));
}

function fromStatus(error: APIError, status: number): AppError {
  const items = errorItems(error.error);
  const base = { upstreamStatus: status, internalMessage: summarize(status, items), cause: error };
  switch (true) {
    case status === 400:
      return new AppError("bad_request", "Telnyx could not understand the request.", {
        ...base,
        fields: fieldsOf(items, false),
      });
    // The server holds the only key: a 401 is our misconfiguration, not the signed-in person's fault.
    case status === 401:
      return new AppError("upstream_unavailable", "Telnyx rejected the console's API key.", base);
    // A 403 is a refusal of this action (an organization owner cannot be removed; a key that is not an
    // approved manager cannot touch managed accounts): the person may not do it through us either.
    case status === 403:
      return new AppError("forbidden", "Telnyx refused this action for the console's account.", base);
    case status === 404:
      return new AppError("not_found", "Telnyx has no record of this.", base);
    case status === 409:
      return new AppError(
        "conflict",
        "Telnyx reported a conflict with the current state. Reload and try again.",
        base,
      );
    case status === 422:
      return new AppError("validation_failed", "Telnyx did not accept some of the values.", {
        ...base,
        fields: fieldsOf(items, true),
      });
    case status === 429: {
      const retryAfter = retryAfterSeconds(error.headers);
      const when = retryAfter ? `in ${retryAfter} second${retryAfter === 1 ? "" : "s"}` : "shortly";
      return new AppError("rate_limited", `Telnyx is limiting the console's requests. Try again ${when}.`, {
        ...base,
        retryAfter,
      });
    }
    default:
      return new AppError(
        "upstream_unavailable",
        "Telnyx is having trouble right now. Try again shortly.",
        base,
      );
  }
}

/** Every failure out of the SDK, in our envelope's terms. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  // Order matters: the timeout and abort classes are subclasses of the connection error and of APIError.
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return upstreamTimeout(error);
  }
  if (error instanceof APIConnectionError) {
    return new AppError("upstream_unavailable", "Could not reach Telnyx. Try again shortly.", {
      internalMessage: `Connection to Telnyx failed: ${describeCause(error)}`,
      cause: error,
    });
  }
  if (error instanceof APIError && error.status !== undefined) return fromStatus(error, error.status);
  if (isBrokenBody(error)) {
    return new AppError("upstream_unavailable", "Telnyx sent an incomplete answer. Try again shortly.", {
      internalMessage: `Unreadable answer from Telnyx: ${describeCause(error)}`,
      cause: error,
    });
  }
  return new AppError("internal", "Something went wrong on our side.", {
    internalMessage: `Unexpected error around a Telnyx call: ${describeCause(error)}`,
    cause: error,
  });
}

export function upstreamTimeout(cause?: unknown): AppError {
  return new AppError("upstream_timeout", "Telnyx did not answer in time. Try again shortly.", {
    internalMessage: "Telnyx call exceeded the console's deadline",
    cause,
  });
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? ` (${cause.name}: ${cause.message})` : "";
  return `${error.name}: ${error.message}${inner}`.slice(0, 300);
}

/** A 2xx whose body lacks the object it should carry: Telnyx answered, so a change may have been made. */
export function incompleteAnswer(operation: string): AppError {
  return new AppError("upstream_unavailable", "Telnyx sent an incomplete answer. Try again shortly.", {
    internalMessage: `Telnyx answered ${operation} without its data object`,
    ambiguity: "answered",
  });
}

// Refused before a byte was sent: the request cannot have reached Telnyx.
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function causeCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether one failed attempt may have changed something at Telnyx (see Ambiguity). `isPastDeadline` is our
 * own deadline firing while the attempt was under way.
 */
export function ambiguityOf(error: unknown, isPastDeadline: boolean): Ambiguity | undefined {
  if (isPastDeadline || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return "in_flight";
  }
  if (error instanceof APIConnectionError) {
    return notSentCodes.has(causeCode(error) ?? "") ? undefined : "in_flight";
  }
  if (error instanceof APIError && error.status !== undefined) {
    return error.status >= 500 || error.status === 408 ? "answered" : undefined;
  }
  return isBrokenBody(error) ? "answered" : undefined;
}

const ambiguityRank = { answered: 1, in_flight: 2 } as const;

/** The less certain of two: "in_flight" beats "answered" beats nothing. */
export function worseAmbiguity(a: Ambiguity | undefined, b: Ambiguity | undefined): Ambiguity | undefined {
  if (!a) return b;
  if (!b) return a;
  return ambiguityRank[a] >= ambiguityRank[b] ? a : b;
}

/** The same error, marked with whether the request may have reached Telnyx. */
export function withAmbiguity(error: AppError, ambiguity: Ambiguity | undefined): AppError {
  if (!ambiguity || error.ambiguity === ambiguity) return error;
  return new AppError(error.code, error.message, {
    fields: error.fields,
    retryAfter: error.retryAfter,
    upstreamStatus: error.upstreamStatus,
    internalMessage: error.internalMessage,
    cause: error.cause,
    ambiguity,
  });
}
