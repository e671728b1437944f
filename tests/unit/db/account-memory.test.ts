import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import {
  getAccountMemories,
  getAccountMemory,
  rememberChannelLimit,
  rememberToggle,
} from "@/lib/db/account-memory";
import { describeEachDatabase } from "./databases";

describeEachDatabase("account memory", (target) => {
  it("remembers the last channel limit and the last toggle, each with who and when", async () => {
    const db = target.db();
    const account = randomUUID();
    expect(await getAccountMemory(account, db)).toBeNull();
    await rememberChannelLimit(account, 10, { email: "a@example.test" }, db);
    await rememberToggle(account, "disabled", { email: "b@example.test" }, db);
    await rememberChannelLimit(account, 0, { email: "c@example.test" }, db);
    const memory = await getAccountMemory(account, db);
    expect(memory).toMatchObject({
      channelLimit: 0,
      channelLimitSetBy: "c@example.test",
      lastToggle: "disabled",
      toggledBy: "b@example.test",
    });
    expect(memory?.channelLimitSetAt).toBeInstanceOf(Date);
  });

  it("answers many accounts in one call, leaving out those it knows nothing of", async () => {
    const db = target.db();
    const [known, unknown] = [randomUUID(), randomUUID()];
    await rememberToggle(known, "enabled", { email: "a@example.test" }, db);
    const memories = await getAccountMemories([known, unknown, known], db);
    expect([...memories.keys()]).toEqual([known]);
    expect(memories.get(known)?.lastToggle).toBe("enabled");
    expect((await getAccountMemories([], db)).size).toBe(0);
  });
});
