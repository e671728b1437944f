// The device cookie of OWASP's "slowing online guessing" guidance: a browser that signed in as an email
// gets a signed token naming it, and its later attempts for that email are counted apart from anonymous
// ones, so a stranger's guessing cannot lock the real person out of the browser they always use. The token
// binds the email without holding it (the HMAC covers it; the form supplies it again).
import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { deviceCookieName, isHttpsDeployment } from "./cookies";

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 90 * 24 * 60 * 60;

function signature(deviceId: string, issuedAt: number, email: string): string | null {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  return createHmac("sha256", secret)
    .update(`subdesk-device\n${deviceId}\n${issuedAt}\n${email.trim().toLowerCase()}`)
    .digest("base64url");
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** The device id when the request carries an unexpired device cookie issued for this email, else null. */
export function trustedDeviceId(cookieHeader: string | undefined, email: string, at: Date): string | null {
  const [deviceId, issued, given] = (cookieValue(cookieHeader, deviceCookieName()) ?? "").split(".");
  const issuedAt = Number(issued);
  if (!deviceId || !given || !/^[0-9a-f-]{36}$/.test(deviceId) || !Number.isInteger(issuedAt)) return null;
  if (at.getTime() / 1000 - issuedAt > DEVICE_COOKIE_MAX_AGE_SECONDS) return null;
  const expected = signature(deviceId, issuedAt, email);
  if (!expected || expected.length !== given.length) return null;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given)) ? deviceId : null;
}

/** A Set-Cookie header value for a fresh device cookie bound to `email`, or null without a secret. */
export function deviceCookieHeader(email: string, at: Date): string | null {
  const deviceId = randomUUID();
  const issuedAt = Math.floor(at.getTime() / 1000);
  const signed = signature(deviceId, issuedAt, email);
  if (!signed) return null;
  const secure = isHttpsDeployment() ? "; Secure" : "";
  return `${deviceCookieName()}=${deviceId}.${issuedAt}.${signed}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}
