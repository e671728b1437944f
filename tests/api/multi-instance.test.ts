import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "@/lib/db/sign-in-throttle";
import { ApiClient } from "../support/api-client";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import { startLiveSimulator, type LiveSimulator } from "../support/live-sim";
import {
  cleanEnv,
  ownDataDir,
  signInAs,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";
import { startRoundRobinProxy, type RoundRobinProxy } from "../support/round-robin-proxy";

// Two console instances in live mode on one fresh PostgreSQL database and one Telnyx simulator, started at
// the same moment with the bootstrap admin variables, behind a round-robin proxy: what DESIGN.md promises
// for a load-balanced deployment (signed cookies, every shared state in PostgreSQL). One pair of servers
// serves every case, in order; the throttle case comes last because it spends the address's attempts.

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const adminEmail = "multi-admin@example.com";
const adminPassword = `multi-${randomUUID()}`;
const telnyxKey = `KEY0MULTI${randomBytes(12).toString("hex").toUpperCase()}`;

let simulator: LiveSimulator;
let database: FreshDatabase;
let instances: OwnServer[] = [];
let proxy: RoundRobinProxy;

/** A session-checked read with exactly this cookie header (nothing kept from earlier answers): its status. */
async function statusWith(cookie: string, base: string): Promise<number> {
  const response = await fetch(`${base}/api/managed-accounts?pageSize=1`, {
    headers: { Cookie: cookie },
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

async function sessionEmail(cookie: string, base: string): Promise<string | undefined> {
  const response = await fetch(`${base}/api/auth/session`, { headers: { Cookie: cookie } });
  return ((await response.json()) as { user?: { email?: string } } | null)?.user?.email;
}

const [a, b] = [() => instances[0]!, () => instances[1]!];

/**
 * Wrong passwords for one email, one after another, from one browser behind `proxyUrl` (one CSRF token,
 * then only the credential posts, so a two-backend proxy alternates them): how many failed before 429.
 */
async function failuresBeforeThrottle(proxyUrl: string, maxAttempts: number): Promise<number> {
  const email = `guess-${randomUUID()}@example.com`;
  const browser = new ApiClient(undefined, proxyUrl);
  const { csrfToken } = await browser.getJson<{ csrfToken: string }>("/api/auth/csrf");
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const answer = await browser.request("POST", "/api/auth/callback/credentials", {
      body: new URLSearchParams({ csrfToken, email, password: `wrong-${attempt}`, json: "true" }).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    await answer.arrayBuffer();
    if (answer.status === 429) return attempt - 1;
    expect(answer.status, `attempt ${attempt}`).toBeLessThan(500);
  }
  return maxAttempts;
}

if (!TEST_DATABASE_URL && process.env.CI) {
  // CI always has PostgreSQL (.ci/run exports TEST_DATABASE_URL): its absence there is a broken CI.
  describe("several instances on one PostgreSQL", () => {
    it("needs TEST_DATABASE_URL", () => {
      expect.fail("TEST_DATABASE_URL is not set in CI; .ci/run exports it after starting PostgreSQL.");
    });
  });
} else if (!TEST_DATABASE_URL) {
  console.warn(
    "[multi-instance] SKIPPED: TEST_DATABASE_URL is not set. Several instances need a real PostgreSQL " +
      "(role with CREATEDB); see .ci/run for the one-time setup, then export " +
      "TEST_DATABASE_URL=postgres://subdesk_test:subdesk_test@127.0.0.1:5432/subdesk_test",
  );
  describe.skip("several instances on one PostgreSQL (skipped: TEST_DATABASE_URL is not set)", () => {
    it("needs PostgreSQL", () => {});
  });
} else {
  describe("several instances on one PostgreSQL behind a round-robin proxy", () => {
    beforeAll(async () => {
      simulator = await startLiveSimulator(telnyxKey);
      database = await createFreshDatabase(TEST_DATABASE_URL, "subdesk_multi");
      const env = {
        ...cleanEnv(),
        TELNYX_API_KEY: telnyxKey,
        TELNYX_BASE_URL: simulator.url,
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
        SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
        SUBDESK_TRUSTED_PROXIES: "1",
      };
      // The same moment, on an empty database: both run the bootstrap.
      const started = await Promise.allSettled(
        ["a", "b"].map((name, index) => {
          const dataDir = ownDataDir(`multi-${name}`);
          return startOwnServer({
            port: sparePort(6 + index),
            dataDir,
            logFile: path.join(dataDir, "server.log"),
            env,
            timeoutMs: 75_000,
          });
        }),
      );
      instances = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
      const failures = started.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
      if (failures.length > 0) {
        throw new Error(
          `${failures.length} of 2 instances started together did not come up:\n${failures.map(String).join("\n")}`,
        );
      }
      proxy = await startRoundRobinProxy(instances.map((instance) => instance.baseUrl));
    }, 180_000);

    afterAll(async () => {
      await proxy?.close();
      await Promise.all(instances.map((instance) => stopOwnServer(instance)));
      await simulator?.close();
      await database?.drop();
    }, 60_000);

    it("both are healthy, each asked directly, on the same database", async () => {
      for (const instance of instances) {
        const response = await fetch(`${instance.baseUrl}/api/health`);
        expect(response.status, instance.baseUrl).toBe(200);
        expect(await response.json()).toMatchObject({
          mode: "live",
          database: { ok: true, driver: "postgres" },
          upstream: { reachable: true },
        });
      }
      // Both ran the bootstrap on the empty database; exactly one admin came of it.
      const people = await database.query<{ email: string; role: string }>("SELECT email, role FROM staff");
      expect(people).toEqual([{ email: adminEmail, role: "admin" }]);
    });

    it("signed in on one, working on the other (and on both through the proxy)", async () => {
      const onA = await signInAs(a().client(), adminEmail, adminPassword);
      const cookie = onA.cookieHeader();
      expect(await statusWith(cookie, b().baseUrl)).toBe(200);
      expect(await sessionEmail(cookie, b().baseUrl)).toBe(adminEmail);

      const before = proxy.served.length;
      for (let request = 0; request < 4; request++) {
        expect(await statusWith(cookie, proxy.url)).toBe(200);
      }
      const backends = new Set(proxy.served.slice(before).map((entry) => entry.backend));
      expect(backends).toEqual(new Set(instances.map((instance) => instance.baseUrl)));
    });

    it("signed out on one, refused on both", async () => {
      const cookie = (await signInAs(a().client(), adminEmail, adminPassword)).cookieHeader();
      expect(await statusWith(cookie, b().baseUrl)).toBe(200);

      // Signed out on B with the cookie A issued.
      const onB = b().client();
      const csrf = await onB.get("/api/auth/csrf", { headers: { Cookie: cookie } });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const signedOut = await onB.request("POST", "/api/auth/signout", {
        body: new URLSearchParams({
          csrfToken,
          callbackUrl: `${b().baseUrl}/login`,
          json: "true",
        }).toString(),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      });
      expect(signedOut.status).toBeLessThan(400);

      for (const base of [a().baseUrl, b().baseUrl, proxy.url, proxy.url]) {
        expect(await statusWith(cookie, base), base).toBe(401);
      }
    });

    it("one idempotent create across both: the same key sent to A and B at once makes one account", async () => {
      const cookie = (await signInAs(a().client(), adminEmail, adminPassword)).cookieHeader();
      const businessName = `Multi ${randomUUID().slice(0, 8)}`;
      const key = randomUUID();
      await simulator.control("POST", "/requests/reset");
      // Slow creates keep the first request in flight while the second one arrives at the other instance.
      await simulator.control("POST", "/faults", {
        operation: "CreateManagedAccount",
        kind: "latency",
        ms: 1_500,
        times: 2,
      });
      // No email on purpose: Telnyx's "email taken" would otherwise refuse a duplicate for us.
      const answers = await Promise.all(
        instances.map(async (instance) => {
          const response = await instance
            .client()
            .post(
              "/api/managed-accounts",
              { businessName },
              { headers: { Cookie: cookie, "Idempotency-Key": key } },
            );
          const body = (await response.json()) as {
            data?: { id?: string; apiKey?: string };
            replayed?: boolean;
          };
          return { status: response.status, body };
        }),
      );
      await simulator.control("DELETE", "/faults");

      for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const [first, second] = answers.map((answer) => answer.body.data?.id);
      expect(first).toBeTruthy();
      expect(second).toBe(first);
      // One of them made it and shows the new key once; the other waited for it and replays it without.
      expect(answers.map((answer) => answer.body.replayed === true).sort()).toEqual([false, true]);
      expect(answers.filter((answer) => answer.body.data?.apiKey)).toHaveLength(1);
      const accounts = await simulator.control<{ data: { id: string; organization_name: string }[] }>(
        "GET",
        "/state/accounts",
      );
      expect(accounts.data.filter((account) => account.organization_name === businessName)).toEqual([
        expect.objectContaining({ id: first }),
      ]);
      const counts = await simulator.control<Record<string, number>>("GET", "/requests");
      expect(counts.CreateManagedAccount).toBe(1);
    });

    it("the throttle counted across both: alternating failures trip it after as many as on one instance", async () => {
      const limit = SIGN_IN_LIMITS.perEmailAndAddress;
      // One instance behind the same kind of proxy (the same client address) is the baseline.
      const single = await startRoundRobinProxy([a().baseUrl]);
      let alone: number;
      try {
        alone = await failuresBeforeThrottle(single.url, limit + 5);
      } finally {
        await single.close();
      }
      const before = proxy.served.length;
      const across = await failuresBeforeThrottle(proxy.url, limit + 5);
      const posts = proxy.served
        .slice(before)
        .filter((entry) => entry.method === "POST" && entry.path.startsWith("/api/auth/callback/"));

      expect(alone).toBe(limit);
      expect(across).toBe(limit);
      // They really alternated: each instance saw half the attempts, and alone would have allowed more.
      const onA = posts.filter((entry) => entry.backend === a().baseUrl).length;
      const onB = posts.filter((entry) => entry.backend === b().baseUrl).length;
      expect(onA + onB).toBe(limit + 1);
      expect(Math.abs(onA - onB)).toBeLessThanOrEqual(1);
      expect(Math.max(onA, onB)).toBeLessThan(limit);
    });
  });
}
