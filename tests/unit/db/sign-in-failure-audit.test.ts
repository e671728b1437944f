import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/lib/db/audit";
import { recordSignInFailure } from "@/lib/db/sign-in-failure-audit";
import { describeEachDatabase, uniqueEmail } from "./databases";

// Refused sign-ins are counted in one row per email, address and reason per window, not one row each; the
// database still refuses every other change to that row, and to every other row.

describeEachDatabase("aggregated sign-in failures", (target) => {
  const failure = (email: string, clientIp: string, errorCode = "invalid_credentials") => ({
    email,
    clientIp,
    errorCode,
    outcome: "failure" as const,
    requestId: randomUUID(),
    userAgent: "vitest",
  });

  it("counts 40 concurrent failures for one email and address in one row", async () => {
    const db = target.db();
    const email = uniqueEmail("burst");
    await Promise.all(Array.from({ length: 40 }, () => recordSignInFailure(failure(email, "192.0.2.7"), db)));
    await recordSignInFailure(failure(email, "192.0.2.8"), db);
    await recordSignInFailure(failure(email, "192.0.2.7", "staff_disabled"), db);
    const rows = (await listAudit({ target: email, page: 1, pageSize: 50 }, db)).rows;
    expect(rows).toHaveLength(3);
    const burst = rows.find((row) => row.clientIp === "192.0.2.7" && row.errorCode === "invalid_credentials");
    expect(burst).toMatchObject({ action: "auth.login_failed", outcome: "failure", actorId: null });
    expect(burst?.requestSummary).toMatchObject({ attempts: 40 });
  });

  it("lets the database refuse any other change to such a row, and keeps NUL and ESC out of it", async () => {
    const db = target.db();
    const email = `nul\u0000esc\u001b${uniqueEmail("raw")}`;
    await recordSignInFailure(failure(email, "192.0.2.9"), db);
    const [row] = (await listAudit({ target: "nul\\u0000esc\\u001b", page: 1, pageSize: 5 }, db)).rows;
    expect(row?.targetLabel).toBe(`nul\\u0000esc\\u001b${email.slice(8)}`);
    const id = row!.id;
    await expect(
      db.execute(sql`update audit_events set client_ip = '6.6.6.6' where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`update audit_events set request_summary = '{"attempts": 0}' where id = ${id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events where id = ${id}`)).rejects.toThrow();
  });
});
