import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { nextAlertState } from "@/lib/balances/alert-state";
import { acknowledgeAlerts, applyReading, countOpenAlerts, listAlerts } from "@/lib/db/balance-alerts";
import { claimDelivery, listDeliveries, recordAttempt } from "@/lib/db/webhook-deliveries";
import { describeEachDatabase } from "./databases";

const reading = (accountId: string, amount: string) => ({
  accountId,
  amount,
  currency: "USD",
  threshold: "50.00",
  account: { email: "ops@example.test", organizationName: "Acme" },
});
const decideFor = (amount: string) => (previous: "ok" | "low" | null) =>
  nextAlertState({ previous, amount, threshold: "50.00" });
const delivery = () => ({ url: "http://127.0.0.1:9/hook", body: '{"a":1}' });

describeEachDatabase("balance alerts", (target) => {
  it("raises one alert and one delivery per transition, even for readings applied twice at once", async () => {
    const db = target.db();
    const accountId = randomUUID();
    const [first, second] = await Promise.all([
      applyReading(reading(accountId, "12.00"), decideFor("12.00"), delivery, db),
      applyReading(reading(accountId, "12.00"), decideFor("12.00"), delivery, db),
    ]);
    const raised = [first, second].filter((applied) => applied !== null);
    expect(raised).toHaveLength(1);
    expect(raised[0]?.alert).toMatchObject({ type: "balance.low", accountName: "Acme" });
    expect(raised[0]?.deliveryId).toEqual(expect.any(String));
    // Still low, a little higher, and back above the line but inside the margin: nothing new.
    expect(await applyReading(reading(accountId, "52.00"), decideFor("52.00"), delivery, db)).toBeNull();
    const recovered = await applyReading(reading(accountId, "60.00"), decideFor("60.00"), null, db);
    expect(recovered).toMatchObject({ alert: { type: "balance.recovered" }, deliveryId: null });
  });

  it("lists open alerts and acknowledges each once", async () => {
    const db = target.db();
    const accountId = randomUUID();
    const applied = await applyReading(reading(accountId, "1.00"), decideFor("1.00"), null, db);
    const id = applied?.alert.id ?? "";
    const open = await listAlerts({ status: "open", page: 1, pageSize: 250 }, db);
    expect(open.rows.map((row) => row.id)).toContain(id);
    const before = await countOpenAlerts(db);
    const staffId = randomUUID();
    expect(await acknowledgeAlerts([id], staffId, db)).toHaveLength(1);
    expect(await acknowledgeAlerts([id], randomUUID(), db)).toHaveLength(0);
    expect(await countOpenAlerts(db)).toBe(before - 1);
  });

  it("lets one worker claim a due delivery and logs each attempt", async () => {
    const db = target.db();
    const applied = await applyReading(reading(randomUUID(), "3.00"), decideFor("3.00"), delivery, db);
    const deliveryId = applied?.deliveryId ?? "";
    const claims = await Promise.all([
      claimDelivery(deliveryId, 30_000, db),
      claimDelivery(deliveryId, 30_000, db),
    ]);
    const claimed = claims.find((claim) => claim !== null);
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    if (!claimed) throw new Error("unclaimed");
    await recordAttempt(
      claimed,
      {
        statusCode: 503,
        error: "HTTP 503",
        durationMs: 5,
        result: { status: "pending", retryAt: new Date(0) },
      },
      db,
    );
    const again = await claimDelivery(deliveryId, 30_000, db);
    expect(again).toMatchObject({ attempts: 1, lastStatusCode: 503 });
    if (!again) throw new Error("unclaimed");
    await recordAttempt(
      again,
      { statusCode: 200, error: null, durationMs: 4, result: { status: "delivered" } },
      db,
    );
    expect(await claimDelivery(deliveryId, 30_000, db)).toBeNull();
    const { rows } = await listDeliveries({ page: 1, pageSize: 250 }, db);
    const row = rows.find((entry) => entry.id === deliveryId);
    expect(row).toMatchObject({ status: "delivered", attempts: 2 });
    expect(row?.attemptLog.map((attempt) => attempt.statusCode)).toEqual([503, 200]);
    expect(row).not.toHaveProperty("body");
  });
});
