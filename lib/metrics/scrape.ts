// GET /api/metrics: who may read it (the operator's scraper, by a bearer token; never a browser session)
// and the gauges read at scrape time.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { openDatabase } from "@/lib/db/client";
import { unfinishedJobIds } from "@/lib/db/jobs";
import { metrics } from "./registry";

export type ScrapeAccess = "not_configured" | "denied" | "allowed";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * SUBDESK_METRICS_TOKEN unset: the endpoint does not exist (404). Otherwise only `Authorization: Bearer
 * <token>` opens it, compared in constant time (over digests, so the length does not leak either); cookies
 * are never looked at, so a signed-in browser cannot read it.
 */
export function scrapeAccess(request: Request, token = process.env.SUBDESK_METRICS_TOKEN): ScrapeAccess {
  if (!token) return "not_configured";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return "denied";
  return timingSafeEqual(digest(match[1]!), digest(token)) ? "allowed" : "denied";
}

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

async function readGauges(): Promise<void> {
  const { databasePool, jobQueueDepth } = metrics();
  const handle = await openDatabase();
  if (handle.driver === "postgres") {
    const pool = (handle.db as unknown as { $client: PoolCounts }).$client;
    databasePool.set({ driver: "postgres", state: "total" }, pool.totalCount);
    databasePool.set({ driver: "postgres", state: "idle" }, pool.idleCount);
    databasePool.set({ driver: "postgres", state: "waiting" }, pool.waitingCount);
  } else {
    databasePool.set({ driver: "pglite", state: "total" }, 1);
  }
  jobQueueDepth.set((await unfinishedJobIds(handle.db)).length);
}

/** The Prometheus text and its content type. A database that does not answer leaves its gauges as they were. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  await readGauges().catch(() => undefined);
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
