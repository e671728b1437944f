import "server-only";
import type { z } from "zod";
import { AppError, isAppError, toErrorEnvelope } from "@/lib/api/errors";
import { parseBody, parseParams, searchParamsObject } from "@/lib/api/parse";
import { clientIpOf, resolveRequestId, userAgentOf } from "@/lib/api/request-context";
import { finishWithError, openAudit, type AuditIntent } from "@/lib/api/route-audit";
import { routePermissions, type RouteKey } from "@/lib/api/route-permissions";
import { isJsonRequest, isSameOriginRequest } from "@/lib/api/same-origin";
import { isAllowedBeforeEnrolment } from "@/lib/auth/mfa/policy";
import { now } from "@/lib/auth/clock";
import { can, deniedReason } from "@/lib/auth/permissions";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { getCurrentStaff, type StaffSession } from "@/lib/auth/session";
import { recordAudit } from "@/lib/db/audit";
import { isDatabaseUnavailable } from "@/lib/db/connection";
import { errorFields, log } from "@/lib/log";
import { recordRequest } from "@/lib/metrics/registry";

type Schema = z.ZodType | undefined;
type Infer<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** A route with a permission always runs for a signed-in person; only the public ones have none. */
type StaffFor<K extends RouteKey> = (typeof routePermissions)[K] extends null ? null : StaffSession;

export interface RouteContext<Q, B, P, S extends StaffSession | null = StaffSession | null> {
  request: Request;
  staff: S;
  query: Q;
  body: B;
  params: P;
  requestId: string;
  /** Names the audited target from the upstream answer (a new account's id, an account's email). */
  setAuditTarget: (target: { id?: string; label?: string }) => void;
}

interface RouteConfig<K extends RouteKey, Q extends Schema, B extends Schema, P extends Schema> {
  query?: Q;
  body?: B;
  params?: P;
  /** Present on every mutation and export: the intent row is written before the handler runs. */
  // May be async: a route can read what it needs for the row (the value being replaced) before it is written.
  audit?: (
    context: RouteContext<Infer<Q>, Infer<B>, Infer<P>, StaffFor<K>>,
  ) => AuditIntent | Promise<AuditIntent>;
  /**
   * For a GET that writes (an export opens a report.export row): Next runs GET for HEAD, so HEAD runs the
   * checks above but not the handler, and answers 200 with no body, writing nothing and calling no one.
   */
  skipHandlerOnHead?: boolean;
  /** A larger body limit than parse.ts's default, for a route that takes long id lists (bulk jobs). */
  maxBodyBytes?: number;
  /** Needs an authentication in the last few minutes (lib/auth/step-up.ts), checked before the audit row. */
  stepUp?: boolean;
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type HandlerResult = Response | Record<string, unknown>;

const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one way into a route handler: session → permission → same-origin → JSON-only → zod → audit intent
 * → handler → audit outcome; any failure becomes the error envelope. Every answer carries a request id
 * and Cache-Control: no-store.
 */
export function withRoute<
  K extends RouteKey,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  P extends Schema = undefined,
>(
  key: K,
  config: RouteConfig<K, Q, B, P>,
  handler: (context: RouteContext<Infer<Q>, Infer<B>, Infer<P>, StaffFor<K>>) => Promise<HandlerResult>,
) {
  const permission = routePermissions[key];
  return async function route(request: Request, nextContext?: NextRouteContext): Promise<Response> {
    const requestId = resolveRequestId(request);
    const startedAt = performance.now();
    let staff: StaffSession | null = null;
    let response: Response;
    try {
      if (permission !== null) {
        // From the request's own cookie header: no trip through next/headers on the hot path.
        staff = await getCurrentStaff(request);
        if (!staff) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
        // A password sign-in that must use MFA and has not enrolled may do nothing but enrol.
        if (staff.mfaEnrolmentRequired && !isAllowedBeforeEnrolment(key)) {
          throw new AppError("forbidden", "Set up two-factor authentication first (your security page).");
        }
        if (!can(staff.role, permission)) {
          await recordAudit({
            actor: { id: staff.staffId, email: staff.email, role: staff.role },
            action: "authz.denied",
            reason: `${key} needs ${permission}`,
            outcome: "denied",
            requestId,
            clientIp: clientIpOf(request),
            userAgent: userAgentOf(request),
          });
          throw new AppError("forbidden", deniedReason(permission));
        }
      }
      if (mutatingMethods.has(request.method)) {
        if (!isSameOriginRequest(request)) {
          throw new AppError("forbidden", "This request did not come from the console itself.");
        }
        // A route without a body still refuses one declared as something else (a form post, text/plain).
        if ((config.body || request.headers.has("content-type")) && !isJsonRequest(request)) {
          throw new AppError("unsupported_media_type", "Send the request body as application/json.");
        }
      }
      const auditTarget: { id?: string; label?: string } = {};
      const context: RouteContext<Infer<Q>, Infer<B>, Infer<P>, StaffFor<K>> = {
        request,
        // Checked above for every route that has a permission.
        staff: staff as StaffFor<K>,
        requestId,
        setAuditTarget: (target) => Object.assign(auditTarget, target),
        params: (config.params
          ? parseParams(config.params, await nextContext?.params, "path values")
          : undefined) as Infer<P>,
        query: (config.query
          ? parseParams(config.query, searchParamsObject(request), "query parameters")
          : undefined) as Infer<Q>,
        body: (config.body
          ? await parseBody(config.body, request, config.maxBodyBytes)
          : undefined) as Infer<B>,
      };
      if (config.stepUp && staff) await requireRecentAuthentication(staff, now(request.headers));
      response =
        request.method === "HEAD" && config.skipHandlerOnHead
          ? new Response(null, { status: 200 })
          : config.audit
            ? await runAudited(await config.audit(context), context, auditTarget, () => handler(context))
            : toResponse(await handler(context));
    } catch (error) {
      response = errorResponse(error, requestId, key);
    }
    response.headers.set("x-request-id", requestId);
    response.headers.set("Cache-Control", "no-store");
    const ms = performance.now() - startedAt;
    recordRequest(key, response.status, ms);
    log.info("request", {
      requestId,
      route: key,
      status: response.status,
      ms: Math.round(ms),
      staff: staff?.email,
    });
    return response;
  };
}

async function runAudited<Q, B, P>(
  intent: AuditIntent,
  context: RouteContext<Q, B, P>,
  target: { id?: string; label?: string },
  run: () => Promise<HandlerResult>,
): Promise<Response> {
  const audit = await openAudit(context, intent);
  try {
    const response = toResponse(await run());
    await audit.finish({ outcome: response.ok ? "success" : "failure", target });
    return response;
  } catch (error) {
    await finishWithError(audit, error, target);
    throw error;
  }
}

function toResponse(result: HandlerResult): Response {
  return result instanceof Response ? result : Response.json(result);
}

function errorResponse(error: unknown, requestId: string, key: RouteKey): Response {
  const appError = isAppError(error)
    ? error
    : isDatabaseUnavailable(error)
      ? new AppError("unavailable", "The console's database is unreachable. Try again in a moment.", {
          retryAfter: 5,
        })
      : new AppError("internal", "Something went wrong on our side. The team has been told.");
  if (!isAppError(error) || appError.status >= 500) {
    log.error("request failed", {
      requestId,
      route: key,
      code: appError.code,
      upstreamStatus: appError.upstreamStatus,
      detail: appError.internalMessage ?? (error instanceof Error ? error.message : String(error)),
      // An unexpected error's stack goes through the log's escaping, never raw to the console.
      ...(isAppError(error) ? {} : { stack: errorFields(error).stack }),
    });
  }
  const headers = new Headers();
  if (appError.retryAfter !== undefined) headers.set("Retry-After", String(Math.ceil(appError.retryAfter)));
  return Response.json(toErrorEnvelope(appError, requestId), { status: appError.status, headers });
}
