// next-auth's browser calls as the plain requests they are, without next-auth/react (about 6 kB gzipped,
// and the sign-in page is the first thing anyone loads). Each POST carries the CSRF token next-auth checks;
// `json: "true"` makes next-auth answer with the URL it would redirect to instead of redirecting.

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf");
  const { csrfToken: token } = (await response.json()) as { csrfToken: string };
  return token;
}

async function postToAuth(path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`/api/auth/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
}

export interface CredentialsResult {
  ok: boolean;
  status: number;
  /** next-auth's error code (`CredentialsSignin`, or what our authorize threw: `mfa_required`...). */
  error: string | null;
}

/** A password or code sign-in (next-auth's credentials provider), answered without leaving the page. */
export async function signInWithCredentials(
  fields: Record<string, string>,
  callbackUrl: string,
): Promise<CredentialsResult> {
  const response = await postToAuth("callback/credentials", { ...fields, callbackUrl });
  const { url } = (await response.json()) as { url: string };
  return {
    ok: response.ok,
    status: response.status,
    error: new URL(url, window.location.origin).searchParams.get("error"),
  };
}

/** Single sign-on: next-auth answers with the provider's authorization URL, where the browser goes. */
export async function signInWithSso(callbackUrl: string, authorization?: Record<string, string>) {
  const query = authorization ? `?${new URLSearchParams(authorization)}` : "";
  const response = await postToAuth(`signin/oidc${query}`, { callbackUrl });
  const { url } = (await response.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

/** Ends the session (next-auth deletes its row); the caller decides where the browser goes next. */
export async function signOut(): Promise<void> {
  await postToAuth("signout", { callbackUrl: "/login" });
}
