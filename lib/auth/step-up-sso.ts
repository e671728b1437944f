// Step-up for a single sign-on session: the identity provider is asked again with prompt=login and
// max_age=0 (components/auth/step-up-dialog.tsx), and its callback opens a NEW session row recording the
// provider's fresh auth_time (lib/auth/oidc/sign-in.ts). The cookie the callback sets replaces the old one
// in the same answer; here the old row is revoked, so the person never holds two live sessions from it.
import "server-only";
import { decode } from "next-auth/jwt";
import { revokeAuthSession } from "@/lib/db/auth-sessions";
import { sessionCookieName } from "./cookies";
import { firstHeader, type HeaderBag } from "./sign-in-session";

export async function revokeReplacedSession(headers: HeaderBag, person: { id: string; sessionId: string }) {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  const name = sessionCookieName();
  const raw = (firstHeader(headers, "cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (!raw || !secret) return;
  const token = await decode({ token: decodeURIComponent(raw), secret }).catch(() => null);
  // Only the same person's own earlier session: someone else's cookie in the browser is not ours to end.
  if (!token?.sid || token.staffId !== person.id || token.sid === person.sessionId) return;
  await revokeAuthSession(token.sid);
}
