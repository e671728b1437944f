// The two secrets a managed account carries (api_key, api_token) never leave lib/telnyx, except the new
// account's key in the create answer. Checked on every answer, by key name and by the secret values themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managedAccountListQuerySchema } from "@/lib/schemas/managed-accounts";
import { orgUserListQuerySchema } from "@/lib/schemas/org-users";
import * as accounts from "@/lib/telnyx/managed-accounts";
import * as users from "@/lib/telnyx/org-users";
import { startTestSim, type TestSim } from "./sim-harness";

let sim: TestSim;
beforeAll(async () => {
  sim = await startTestSim({ accounts: 20, users: 10 });
});
afterAll(async () => {
  await sim.close();
});

const secretKeys = /^(api_?key|api_?token)$/i;

function keysOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, found));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      found.push(key);
      keysOf(inner, found);
    }
  }
  return found;
}

describe("DTO allow-list", () => {
  it("lets no api_key/api_token through any answer, and only apiKey through the create answer", async () => {
    const page = await accounts.listManagedAccounts(managedAccountListQuerySchema.parse({ pageSize: "5" }));
    const id = page.data[0]!.id;
    // What Telnyx (the simulator) sends for that account, secrets included.
    const raw = await sim.rawGet<{ data: { api_key: string; api_token: string } }>(`/managed_accounts/${id}`);
    expect(raw.data.api_key).toBeTruthy();
    expect(raw.data.api_token).toBeTruthy();

    const answers: Record<string, unknown> = {
      list: page,
      retrieve: await accounts.getManagedAccount(id),
      pricing: await accounts.updateManagedAccountPricing(id, true),
      disable: await accounts.disableManagedAccount(id),
      enable: await accounts.enableManagedAccount(id, { reenableAllConnections: false }),
      channelLimit: await accounts.updateGlobalChannelLimit(id, 1),
      pool: await accounts.getChannelPool(),
      users: await users.listOrgUsers(orgUserListQuerySchema.parse({ includeGroups: "true" })),
      report: await users.getGroupsReportJson(),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(
        keysOf(answer).filter((key) => secretKeys.test(key)),
        name,
      ).toEqual([]);
      const text = JSON.stringify(answer);
      expect(text, name).not.toContain(raw.data.api_key);
      expect(text, name).not.toContain(raw.data.api_token);
    }

    const created = await accounts.createManagedAccount({ businessName: "Allow List Ltd" });
    expect(keysOf(created).filter((key) => secretKeys.test(key))).toEqual(["apiKey"]);
    const createdRaw = await sim.rawGet<{ data: { api_token: string } }>(`/managed_accounts/${created.id}`);
    expect(JSON.stringify(created)).not.toContain(createdRaw.data.api_token);
  });
});
