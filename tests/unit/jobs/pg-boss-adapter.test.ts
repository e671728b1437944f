import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "@/lib/db/connection";

// pg-boss 10 runs on whatever `executeSql` it is given: here the console's own handle, PGlite in memory
// (statements without values go through exec, several at once) and PostgreSQL when TEST_DATABASE_URL is set.
const postgresUrl = process.env.TEST_DATABASE_URL;
const variants = [
  { name: "PGlite", skip: false, open: () => createDatabase({ memory: true }) },
  { name: "PostgreSQL", skip: !postgresUrl, open: () => createDatabase({ url: postgresUrl ?? "" }) },
];

for (const variant of variants) {
  describe.skipIf(variant.skip)(`pg-boss on the console's ${variant.name} handle`, () => {
    let handle: DatabaseHandle;
    let boss: PgBoss;
    // A schema of its own per run: the PostgreSQL database is shared by every file and run.
    const schema = `pgboss_test_${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      handle = await variant.open();
      boss = new PgBoss({
        db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) },
        schema,
        schedule: false,
      });
      boss.on("error", () => undefined);
      await boss.start();
    }, 120_000);

    afterAll(async () => {
      await boss?.stop({ graceful: false, close: false, wait: true, timeout: 1_000 });
      if (variant.name === "PostgreSQL") await handle?.executeSql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await handle?.close();
    });

    it("creates its tables, stores a job and hands it to exactly one worker", async () => {
      await boss.createQueue("probe", { name: "probe", expireInSeconds: 30 });
      const received: string[] = [];
      const done = new Promise<void>((resolve) => {
        void boss.work<{ jobId: string }>("probe", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
          received.push(job!.data.jobId);
          resolve();
        });
      });
      const id = await boss.send("probe", { jobId: "job-1" });
      expect(id).toBeTruthy();
      await done;
      expect(received).toEqual(["job-1"]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await boss.getJobById("probe", id!))?.state).toBe("completed");
    }, 30_000);
  });
}
