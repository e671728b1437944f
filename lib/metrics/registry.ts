// What an on-call engineer scrapes (GET /api/metrics, Prometheus text format through prom-client): request
// time per route and status, Telnyx call time and outcome per operation, 429s and retries, the database
// pool, the job queue and the process itself. Next bundles each route handler separately, each with its
// own copy of this module, so the one registry lives on globalThis (as the database handle does).
import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Seconds, from a cached page of the list (a few ms) to Telnyx's slowest answers and a long export.
const durationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "subdesk_" });
  return {
    registry,
    requestDuration: new Histogram({
      name: "subdesk_http_request_duration_seconds",
      help: "API request time, from withRoute's start to the response, per route and status",
      labelNames: ["route", "status"],
      buckets: durationBuckets,
      registers: [registry],
    }),
    telnyxDuration: new Histogram({
      name: "subdesk_telnyx_call_duration_seconds",
      help: "One Telnyx operation, every attempt and wait included, per operation and outcome",
      labelNames: ["operation", "outcome"],
      buckets: durationBuckets,
      registers: [registry],
    }),
    telnyxRetries: new Counter({
      name: "subdesk_telnyx_retries_total",
      help: "Telnyx attempts retried, per operation and the status that made us retry",
      labelNames: ["operation", "status"],
      registers: [registry],
    }),
    telnyxRateLimited: new Counter({
      name: "subdesk_telnyx_rate_limited_total",
      help: "Telnyx answers of 429 (too many requests), per operation",
      labelNames: ["operation"],
      registers: [registry],
    }),
    databasePool: new Gauge({
      name: "subdesk_db_pool_connections",
      help: "Database connections by state (PostgreSQL's pool; PGlite is one connection)",
      labelNames: ["driver", "state"],
      registers: [registry],
    }),
    jobQueueDepth: new Gauge({
      name: "subdesk_job_queue_depth",
      help: "Bulk jobs queued or running",
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const METRICS_KEY = Symbol.for("subdesk.metrics");
const registryHolder = globalThis as typeof globalThis & { [METRICS_KEY]?: Metrics };

export function metrics(): Metrics {
  return (registryHolder[METRICS_KEY] ??= createMetrics());
}

export function recordRequest(route: string, status: number, ms: number): void {
  metrics().requestDuration.observe({ route, status: String(status) }, ms / 1000);
}

export function recordTelnyxCall(operation: string, outcome: string, ms: number): void {
  metrics().telnyxDuration.observe({ operation, outcome }, ms / 1000);
}

/** One failed attempt: a 429 is counted as such, and a retry after it (or after anything) as a retry. */
export function recordTelnyxAttemptFailure(operation: string, status: unknown, isRetried: boolean): void {
  if (status === 429) metrics().telnyxRateLimited.inc({ operation });
  if (isRetried) metrics().telnyxRetries.inc({ operation, status: String(status ?? "none") });
}
