import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { finishAudit, getAuditEvent, startAudit, type AuditEntry } from "@/lib/db/audit";
import { describeEachDatabase, uniqueEmail } from "./databases";

function intent(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: { id: randomUUID(), email: uniqueEmail("target"), role: "admin" },
    action: "account.create",
    targetType: "managed_account",
    requestId: `req-${randomUUID()}`,
    ...overrides,
  };
}

describeEachDatabase("audit completion fills a missing target", (target) => {
  it("records a created account's id, known only from the answer", async () => {
    const db = target.db();
    const id = await startAudit(intent({ targetLabel: "Acme Telecom" }), db);
    const accountId = randomUUID();
    await finishAudit(id, { outcome: "success", target: { id: accountId, label: "ignored" } }, db);
    expect(await getAuditEvent(id, db)).toMatchObject({ targetId: accountId, targetLabel: "Acme Telecom" });
  });

  it("replaces a label that was only the id with the name from the answer", async () => {
    const db = target.db();
    const accountId = randomUUID();
    const id = await startAudit(intent({ targetId: accountId, targetLabel: accountId }), db);
    await finishAudit(id, { outcome: "success", target: { id: randomUUID(), label: "ops@acme.test" } }, db);
    expect(await getAuditEvent(id, db)).toMatchObject({ targetId: accountId, targetLabel: "ops@acme.test" });
  });

  it("never lets an update rewrite a target that was already recorded", async () => {
    const db = target.db();
    const id = await startAudit(intent({ targetId: randomUUID(), targetLabel: "Acme Telecom" }), db);
    await expect(
      db.execute(sql`update audit_events set target_label = 'Someone else' where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`update audit_events set target_id = ${randomUUID()} where id = ${id}`),
    ).rejects.toThrow();
  });
});
