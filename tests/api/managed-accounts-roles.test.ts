import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, anonymousClient, type ApiClient } from "../support/api-client";
import { resetSim } from "../support/sim-control";
import {
  expectError,
  expectNoUpstreamCall,
  reason,
  simAccount,
  simAccounts,
} from "./managed-accounts-fixtures";

// The server is the authority on roles: refusals answer 403 before anything reaches Telnyx.
let viewer: ApiClient;
let support: ApiClient;
let accountId: string;

beforeAll(async () => {
  await resetSim();
  viewer = await signIn("viewer");
  support = await signIn("support");
  accountId = (await simAccounts()).filter((account) => account.status === "enabled")[5]!.id;
});

type Send = (client: ApiClient) => Promise<Response>;
const mutations: Record<string, Send> = {
  create: (client) => client.post("/api/managed-accounts", { businessName: `Role Test ${randomUUID()}` }),
  pricing: (client) =>
    client.patch(`/api/managed-accounts/${accountId}`, { allowCustomPricing: true, reason }),
  disable: (client) => client.post(`/api/managed-accounts/${accountId}/disable`, { reason }),
  enable: (client) => client.post(`/api/managed-accounts/${accountId}/enable`, { reason }),
  channelLimit: (client) =>
    client.put(`/api/managed-accounts/${accountId}/channel-limit`, { channelLimit: 0, reason }),
};

describe("viewer", () => {
  for (const [name, send] of Object.entries(mutations)) {
    it(`gets 403 on ${name}`, async () => {
      const response = await expectNoUpstreamCall(() => send(viewer));
      await expectError(response, 403, "forbidden");
    });
  }

  it("can read the list, a detail and the pool", async () => {
    for (const path of [
      "/api/managed-accounts?pageSize=1",
      `/api/managed-accounts/${accountId}`,
      "/api/managed-accounts/channels",
    ]) {
      expect((await viewer.get(path)).status, path).toBe(200);
    }
  });
});

describe("support", () => {
  for (const name of ["create", "pricing"]) {
    it(`gets 403 on ${name}`, async () => {
      const response = await expectNoUpstreamCall(() => mutations[name]!(support));
      await expectError(response, 403, "forbidden");
    });
  }

  it("can disable, enable and set a channel limit", async () => {
    expect((await mutations.disable!(support)).status).toBe(200);
    expect((await simAccount(accountId)).status).toBe("disabled");
    expect((await mutations.enable!(support)).status).toBe(200);
    expect((await simAccount(accountId)).status).toBe("enabled");
    expect((await mutations.channelLimit!(support)).status).toBe(200);
    expect((await simAccount(accountId)).channel_limit).toBe(0);
  });
});

describe("no session", () => {
  it("answers 401 on reads and mutations", async () => {
    const anonymous = anonymousClient();
    await expectError(await anonymous.get("/api/managed-accounts"), 401, "unauthorized");
    await expectError(await mutations.disable!(anonymous), 401, "unauthorized");
  });
});
