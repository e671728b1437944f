import { baseUrl, demoPassword, staffEmail, type Role } from "./env";

// An HTTP client for the API tests that behaves like the console's own browser tab: it keeps cookies,
// and its mutations are same-origin JSON. Tests that check the refusals override those defaults.

export interface RequestOptions {
  /** Sent as the JSON body (with Content-Type: application/json unless `headers` says otherwise). */
  json?: unknown;
  /** A raw body, for tests that send the wrong content type on purpose. */
  body?: string;
  headers?: Record<string, string>;
  /** The Origin header on mutations: BASE_URL by default, null to send none. */
  origin?: string | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export class ApiClient {
  private readonly cookies = new Map<string, string>();

  /** `origin` points the client at another server (tests that start their own); BASE_URL by default. */
  constructor(
    readonly role?: Role,
    private readonly origin?: string,
  ) {}

  baseUrl(): string {
    return this.origin ?? baseUrl();
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  hasCookie(predicate: (name: string) => boolean): boolean {
    return [...this.cookies.keys()].some(predicate);
  }

  /** Keeps Set-Cookie answers; an expired or emptied cookie is a deletion. */
  private storeCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const isExpired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (!value || isExpired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.Cookie = this.cookieHeader();
    if (!SAFE_METHODS.has(method)) {
      const origin = options.origin === undefined ? this.baseUrl() : options.origin;
      if (origin !== null) headers.Origin = origin;
      if (options.json !== undefined) headers["Content-Type"] = "application/json";
    }
    Object.assign(headers, options.headers);
    const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
    const response = await fetch(`${this.baseUrl()}${path}`, { method, headers, body, redirect: "manual" });
    this.storeCookies(response);
    return response;
  }

  get(path: string, options?: RequestOptions) {
    return this.request("GET", path, options);
  }
  post(path: string, json?: unknown, options?: RequestOptions) {
    return this.request("POST", path, { json: json ?? {}, ...options });
  }
  patch(path: string, json?: unknown, options?: RequestOptions) {
    return this.request("PATCH", path, { json: json ?? {}, ...options });
  }
  put(path: string, json?: unknown, options?: RequestOptions) {
    return this.request("PUT", path, { json: json ?? {}, ...options });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request("DELETE", path, options);
  }

  /** GET returning the parsed JSON body, failing loudly on a non-2xx answer. */
  async getJson<T = unknown>(path: string): Promise<T> {
    const response = await this.get(path);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** A client with no session: for the 401 paths. */
export function anonymousClient(): ApiClient {
  return new ApiClient();
}

/** Posts the credentials form the way next-auth's signIn() does; the answer carries the session cookie. */
export async function postCredentials(client: ApiClient, email: string, password: string): Promise<Response> {
  const csrf = await client.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" });
  return client.request("POST", "/api/auth/callback/credentials", {
    body: form.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

/** Signs in as the seeded demo staff member for `role` and checks the session really exists. */
export async function signIn(role: Role): Promise<ApiClient> {
  const client = new ApiClient(role);
  const email = staffEmail(role);
  const answer = await postCredentials(client, email, demoPassword());
  const session = (await client.getJson<{ user?: { email?: string } }>("/api/auth/session")) ?? {};
  if (session.user?.email !== email) {
    throw new Error(
      `Sign-in as ${email} failed (callback answered ${answer.status}); session: ${JSON.stringify(session)}`,
    );
  }
  return client;
}
