import { randomBytes, randomUUID } from "node:crypto";
import type { AuditEventDto } from "@/lib/schemas/audit";
import type { StaffDto } from "@/lib/schemas/staff";
import { ApiClient } from "./api-client";

// Staff made by the tests: unique emails so reruns against one server never collide, and sign-ins as them.

export function uniqueEmail(prefix = "staff"): string {
  return `${prefix}-${Date.now()}-${randomBytes(3).toString("hex")}@subdesk.test`;
}

export function strongPassword(): string {
  return `pw-${randomBytes(12).toString("base64url")}`;
}

/**
 * An address of our own for sign-ins meant to fail, so the per-address throttle the other suites rely on
 * (127.0.0.1) is not charged by these tests.
 */
export function privateAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export interface NewPerson extends StaffDto {
  password: string;
}

export async function createPerson(
  admin: ApiClient,
  role: StaffDto["role"],
  prefix: string = role,
): Promise<NewPerson> {
  const password = strongPassword();
  const email = uniqueEmail(prefix);
  const response = await admin.post("/api/staff", { email, name: `Test ${role} ${prefix}`, role, password });
  if (response.status !== 201) {
    throw new Error(`POST /api/staff answered ${response.status}: ${await response.text()}`);
  }
  return { ...((await response.json()) as { data: StaffDto }).data, password };
}

/** Signs in with the credentials form; the client holds the session only when the answer is true. */
export async function trySignIn(
  email: string,
  password: string,
  address = privateAddress(),
): Promise<{ client: ApiClient; isSignedIn: boolean }> {
  const client = new ApiClient();
  const csrf = await client.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await client.request("POST", "/api/auth/callback/credentials", {
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
  });
  const session = await client.get("/api/auth/session");
  const body = (await session.json().catch(() => null)) as { user?: { email?: string } } | null;
  return { client, isSignedIn: body?.user?.email === email.toLowerCase() };
}

export async function signInPerson(email: string, password: string): Promise<ApiClient> {
  const { client, isSignedIn } = await trySignIn(email, password);
  if (!isSignedIn) throw new Error(`Could not sign in as ${email}`);
  return client;
}

export async function auditEvents(
  client: ApiClient,
  query: Record<string, string>,
): Promise<AuditEventDto[]> {
  const response = await client.get(`/api/audit?${new URLSearchParams({ pageSize: "100", ...query })}`);
  if (!response.ok) throw new Error(`GET /api/audit answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: AuditEventDto[] }).data;
}

export const unknownId = (): string => randomUUID();
