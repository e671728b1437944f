import { Secret, TOTP } from "otpauth";
import type { MfaConfirmedDto, MfaEnrolmentDto } from "@/lib/schemas/mfa";
import type { ApiClient } from "./api-client";

// Two-factor sign-ins as the tests drive them: codes computed from the secret the enrolment answer shows
// (as a person's authenticator app would), and next-auth's credentials callback posted in two steps.

/** The code for `secret` at now + offsetMs (a later step for a second sign-in within the ±1 window). */
export function totpCode(secret: string, offsetMs = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetMs });
}

/** Enrols the client's person: the secret and the ten recovery codes. */
export async function enrolMfa(client: ApiClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await client.post("/api/mfa/enrol", {});
  if (started.status !== 200) throw new Error(`enrol answered ${started.status}: ${await started.text()}`);
  const { secret } = ((await started.json()) as { data: MfaEnrolmentDto }).data;
  const confirmed = await client.post("/api/mfa/confirm", { code: totpCode(secret) });
  if (confirmed.status !== 200)
    throw new Error(`confirm answered ${confirmed.status}: ${await confirmed.text()}`);
  return {
    secret,
    recoveryCodes: ((await confirmed.json()) as { data: MfaConfirmedDto }).data.recoveryCodes,
  };
}

/** Posts one step to next-auth's credentials callback; answers the error code next-auth put in its URL. */
export async function postCredentialStep(
  client: ApiClient,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; error: string | null }> {
  const csrf = await client.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await client.request("POST", "/api/auth/callback/credentials", {
    body: new URLSearchParams({ csrfToken, ...fields, json: "true" }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
  const body = (await response.json().catch(() => null)) as { url?: string } | null;
  const url = body?.url ? new URL(body.url) : null;
  return { status: response.status, error: url?.searchParams.get("error") ?? null };
}

export async function sessionEmail(client: ApiClient): Promise<string | undefined> {
  const session = (await client.getJson<{ user?: { email?: string } } | null>("/api/auth/session")) ?? {};
  return session.user?.email;
}
