import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { recordAudit } from "@/lib/db/audit";
import { describeEachDatabase } from "./databases";

const tables = ["staff", "auth_sessions", "sign_in_limits", "audit_events", "account_memory"];

describeEachDatabase("migrations", (target) => {
  it("create every table", async () => {
    const query = sql`select table_name from information_schema.tables where table_schema = 'public'`;
    const result = (await target.db().execute(query)) as unknown as { rows: { table_name: string }[] };
    const names = result.rows.map((row) => row.table_name);
    for (const table of tables) expect(names).toContain(table);
  });

  it("let the database itself refuse deleting or rewriting a completed audit row", async () => {
    const db = target.db();
    const id = await recordAudit(
      { actor: null, action: "test.guard", outcome: "success", requestId: "req-guard-1" },
      db,
    );
    await expect(db.execute(sql`delete from audit_events where id = ${id}`)).rejects.toThrow();
    await expect(
      db.execute(sql`update audit_events set outcome = 'failure' where id = ${id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`update audit_events set action = 'x' where id = ${id}`)).rejects.toThrow();
  });

  it("refuse roles and outcomes outside the known sets", async () => {
    await expect(
      target
        .db()
        .execute(
          sql`insert into staff (email, name, role, password_hash) values ('r@x.test', 'R', 'root', 'x')`,
        ),
    ).rejects.toThrow();
  });
});
