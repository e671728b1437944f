// Telling the truth when Telnyx's answer to a change is lost. A request that may have reached Telnyx (our
// deadline passed, the connection reset, a cut-off body, a gateway 5xx) is followed by a read of the state
// it meant to change: what is really there decides the answer and the audit row, not the lost answer.
import "server-only";
import { AppError, isAppError, type AuditSettlement, type MutationOutcome } from "@/lib/api/errors";
import { log } from "@/lib/log";

export interface ReconcileSpec<T> {
  /** The audit action, for logs. */
  action: string;
  /** The change itself (one Telnyx call, with its own retries). */
  apply: () => Promise<T>;
  /**
   * Reads Telnyx back: the changed object when the change is there, null when it is not. Throws when the
   * state cannot be told (the read failed, or Telnyx has no read of it).
   */
  readBack: () => Promise<T | null>;
  /**
   * The change sets a value (disable, enable, a limit, a flag): sending it again is the same as once, so a
   * lost answer may be followed by one more try before anyone is told "unknown".
   */
  isResendable: boolean;
  /** What the read-back found, in the person's words: "the account is disabled". */
  appliedText: string;
  /** "the account is not disabled" */
  notAppliedText: string;
  /** What a later read-back names in the audit row (a created account's id). */
  auditTargetOf?: (value: T) => AuditSettlement["target"];
  /** Runs once the change is known to be there: caches and what the console remembers follow the truth. */
  onApplied?: (value: T) => Promise<void>;
}

export interface Reconciled<T> {
  value: T;
  /** Set when the answer came from a read-back (or a second try) rather than Telnyx's first answer. */
  notice?: string;
}

type ReadBack<T> = { state: "applied"; value: T } | { state: "not_applied" } | { state: "unreadable" };

/** Later read-backs of an "unknown" change, in ms after it: long enough for a late request to land. */
function settleDelaysMs(): number[] {
  const raw = process.env.SUBDESK_RECONCILE_DELAYS_MS?.trim();
  const parsed = raw ? raw.split(",").map((part) => Number(part.trim())) : [];
  if (parsed.length > 0 && parsed.every((ms) => Number.isInteger(ms) && ms >= 0 && ms <= 600_000)) {
    return parsed;
  }
  return [2_000, 5_000, 10_000, 20_000, 30_000];
}

async function readBackSafely<T>(spec: ReconcileSpec<T>): Promise<ReadBack<T>> {
  try {
    const value = await spec.readBack();
    return value === null ? { state: "not_applied" } : { state: "applied", value };
  } catch (error) {
    log.warn("reconcile.read_failed", { action: spec.action, error: String(error) });
    return { state: "unreadable" };
  }
}

function restated(
  error: AppError,
  message: string,
  outcome: MutationOutcome,
  settleLater?: AppError["settleLater"],
) {
  return new AppError(error.code, message, {
    retryAfter: error.retryAfter,
    upstreamStatus: error.upstreamStatus,
    internalMessage: error.internalMessage,
    cause: error,
    ambiguity: error.ambiguity,
    outcome,
    settleLater,
  });
}

/** Runs a change and, when its answer is lost, finds out from Telnyx what really happened. */
export async function applyReconciled<T>(spec: ReconcileSpec<T>): Promise<Reconciled<T>> {
  let value: T;
  try {
    value = await spec.apply();
  } catch (error) {
    if (!isAppError(error) || !error.ambiguity) throw error;
    return reconcile(spec, error);
  }
  await spec.onApplied?.(value);
  return { value };
}

async function reconcile<T>(spec: ReconcileSpec<T>, first: AppError): Promise<Reconciled<T>> {
  log.warn("reconcile.start", { action: spec.action, ambiguity: first.ambiguity, code: first.code });
  const applied = async (value: T, notice: string): Promise<Reconciled<T>> => {
    await spec.onApplied?.(value);
    log.info("reconcile.applied", { action: spec.action });
    return { value, notice };
  };
  let seen = await readBackSafely(spec);
  if (seen.state === "applied") {
    return applied(seen.value, `Telnyx did not confirm the change, so we checked: ${spec.appliedText}.`);
  }
  let isInFlight = first.ambiguity === "in_flight";
  if (spec.isResendable) {
    try {
      return applied(
        await spec.apply(),
        `Telnyx did not confirm the change the first time; it was sent again and Telnyx confirmed it: ${spec.appliedText}.`,
      );
    } catch (second) {
      if (!isAppError(second)) throw second;
      isInFlight ||= second.ambiguity === "in_flight";
      seen = await readBackSafely(spec);
      if (seen.state === "applied") {
        return applied(seen.value, `Telnyx did not confirm the change, so we checked: ${spec.appliedText}.`);
      }
    }
  }
  // Telnyx finished with every request (it answered, if badly) and the change is not there: it failed.
  if (seen.state === "not_applied" && !isInFlight) {
    throw restated(
      first,
      `Telnyx did not complete the change; we checked: ${spec.notAppliedText}. Nothing changed, so it is safe to try again.`,
      "not_applied",
    );
  }
  const message =
    seen.state === "not_applied"
      ? `Telnyx did not confirm the change. We checked: ${spec.notAppliedText} yet, but the request may still go through. We will keep checking; the audit trail will show the outcome.`
      : `Telnyx did not confirm the change, and we could not check whether it was made. The audit trail shows the outcome as unknown until it can be told.`;
  log.warn("reconcile.unknown", { action: spec.action, readBack: seen.state });
  throw restated(first, message, "unknown", () => settleLater(spec, first));
}

/**
 * Reads again at growing intervals. The first read that finds the change settles the row as a success;
 * after the last, a change still not there has failed (no request lingers that long). When the state
 * cannot be read at all, the row stays "unknown": that is the truth.
 */
async function settleLater<T>(spec: ReconcileSpec<T>, error: AppError): Promise<AuditSettlement | undefined> {
  let hasRead = false;
  for (const delay of settleDelaysMs()) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const seen = await readBackSafely(spec);
    if (seen.state === "applied") {
      await spec.onApplied?.(seen.value).catch(() => undefined);
      log.info("reconcile.settled", { action: spec.action, outcome: "success" });
      return { outcome: "success", target: spec.auditTargetOf?.(seen.value) };
    }
    if (seen.state === "not_applied") hasRead = true;
  }
  if (!hasRead) return undefined;
  log.info("reconcile.settled", { action: spec.action, outcome: "failure" });
  return { outcome: "failure", upstreamStatus: error.upstreamStatus, errorCode: error.code };
}
