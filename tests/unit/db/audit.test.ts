import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  finishAudit,
  getAuditEvent,
  iterateAudit,
  listAudit,
  markStalePendingAsUnknown,
  recordAudit,
  startAudit,
  type AuditEntry,
} from "@/lib/db/audit";
import { describeEachDatabase, uniqueEmail } from "./databases";

function entry(actorEmail: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: { id: randomUUID(), email: actorEmail, role: "support" },
    action: "account.disable",
    targetType: "managed_account",
    targetId: randomUUID(),
    targetLabel: "Acme Telecom",
    reason: "Unpaid invoice",
    requestSummary: { enable: false },
    requestId: `req-${randomUUID()}`,
    clientIp: "203.0.113.9",
    userAgent: "vitest",
    ...overrides,
  };
}

describeEachDatabase("audit trail", (target) => {
  it("writes the intent as pending with every field, then completes it once", async () => {
    const db = target.db();
    const email = uniqueEmail("intent");
    const id = await startAudit(entry(email), db);
    const pending = await getAuditEvent(id, db);
    expect(pending).toMatchObject({
      outcome: "pending",
      actorEmail: email,
      actorRole: "support",
      completedAt: null,
    });
    expect(pending).toMatchObject({
      action: "account.disable",
      targetLabel: "Acme Telecom",
      reason: "Unpaid invoice",
    });
    expect(pending?.clientIp).toBe("203.0.113.9");

    expect(await finishAudit(id, { outcome: "success", upstreamStatus: 200 }, db)).toBe(true);
    const done = await getAuditEvent(id, db);
    expect(done).toMatchObject({ outcome: "success", upstreamStatus: 200 });
    expect(done?.completedAt).toBeInstanceOf(Date);
    // A completed row cannot be completed again, nor its outcome changed.
    expect(await finishAudit(id, { outcome: "failure", upstreamStatus: 500 }, db)).toBe(false);
    expect((await getAuditEvent(id, db))?.outcome).toBe("success");
  });

  it("never lets finish touch a one-shot row", async () => {
    const db = target.db();
    const id = await recordAudit(
      { ...entry(uniqueEmail("oneshot")), action: "authz.denied", outcome: "denied" },
      db,
    );
    expect(await finishAudit(id, { outcome: "success" }, db)).toBe(false);
    expect((await getAuditEvent(id, db))?.outcome).toBe("denied");
  });

  it("strips secret-looking keys from the request summary, at any depth", async () => {
    const db = target.db();
    const summary = {
      businessName: "Acme",
      password: "p",
      nested: { api_key: "k", apiKey: "k", token: "t", keep: 1 },
    };
    const id = await startAudit(entry(uniqueEmail("secrets"), { requestSummary: summary }), db);
    expect((await getAuditEvent(id, db))?.requestSummary).toEqual({
      businessName: "Acme",
      nested: { keep: 1 },
    });
  });

  it("shows a pending row older than the limit as unknown, and lets a late outcome complete it", async () => {
    const db = target.db();
    const stale = await startAudit(entry(uniqueEmail("stale")), db);
    const fresh = await startAudit(entry(uniqueEmail("fresh")), db);
    // Age one row by three minutes, the way a crash leaves it behind.
    await db.execute(sql`alter table audit_events disable trigger audit_events_guard`);
    await db.execute(
      sql`update audit_events set occurred_at = now() - interval '3 minutes' where id = ${stale}`,
    );
    await db.execute(sql`alter table audit_events enable trigger audit_events_guard`);
    expect(await markStalePendingAsUnknown(2 * 60 * 1000, db)).toBeGreaterThanOrEqual(1);
    expect((await getAuditEvent(stale, db))?.outcome).toBe("unknown");
    expect((await getAuditEvent(fresh, db))?.outcome).toBe("pending");
    expect(
      await finishAudit(
        stale,
        { outcome: "failure", upstreamStatus: 504, errorCode: "upstream_timeout" },
        db,
      ),
    ).toBe(true);
    expect((await getAuditEvent(stale, db))?.outcome).toBe("failure");
  });

  it("filters by actor, action (exact and family), target and time, newest first, paged", async () => {
    const db = target.db();
    const actor = uniqueEmail("filter");
    const account = randomUUID();
    const ids: string[] = [];
    for (const action of ["account.disable", "account.enable", "org_user.remove"]) {
      ids.push(await recordAudit({ ...entry(actor, { action, targetId: account }), outcome: "success" }, db));
      // Rows of the same instant are ordered by id (stable, not by insertion); PGlite's clock can give two
      // quick inserts one millisecond, so "newest first" is asked of rows that are apart in time.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const all = await listAudit({ actor, page: 1, pageSize: 50 }, db);
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => row.id)).toEqual([...ids].reverse());
    expect(
      (await listAudit({ actor: actor.toUpperCase().slice(0, 12), page: 1, pageSize: 50 }, db)).total,
    ).toBeGreaterThanOrEqual(3);
    expect((await listAudit({ actor, action: "account.enable", page: 1, pageSize: 50 }, db)).total).toBe(1);
    expect((await listAudit({ actor, action: "account.*", page: 1, pageSize: 50 }, db)).total).toBe(2);
    expect((await listAudit({ target: account, page: 1, pageSize: 50 }, db)).total).toBe(3);
    const page2 = await listAudit({ actor, page: 2, pageSize: 2 }, db);
    expect(page2).toMatchObject({ total: 3 });
    expect(page2.rows.map((row) => row.id)).toEqual([ids[0]]);
    const future = new Date(Date.now() + 60_000);
    expect((await listAudit({ actor, from: future, page: 1, pageSize: 50 }, db)).total).toBe(0);
    expect((await listAudit({ actor, to: future.toISOString(), page: 1, pageSize: 50 }, db)).total).toBe(3);
    // A "%" in a filter is a character, not a wildcard.
    expect((await listAudit({ actor: "%", page: 1, pageSize: 50 }, db)).total).toBe(0);
  });

  it("iterates the whole filtered set in batches for export, without repeats", async () => {
    const db = target.db();
    const actor = uniqueEmail("export");
    for (let index = 0; index < 7; index += 1) {
      await recordAudit({ ...entry(actor, { action: "report.export" }), outcome: "success" }, db);
    }
    const batches: number[] = [];
    const seen = new Set<string>();
    for await (const rows of iterateAudit({ actor }, { batchSize: 3, db })) {
      batches.push(rows.length);
      for (const row of rows) seen.add(row.id);
    }
    expect(batches).toEqual([3, 3, 1]);
    expect(seen.size).toBe(7);
  });
});
