import "server-only";

/**
 * Route handlers get no CSRF protection from Next: a cross-site form can POST text/plain JSON to them.
 * Browsers send Sec-Fetch-Site on every request they make; Origin is the fallback for older ones.
 * A mutation with neither did not come from our own pages, so it is refused too.
 */
export function isSameOriginRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  return allowedHosts(request).includes(originHost);
}

function allowedHosts(request: Request): string[] {
  const hosts = [request.headers.get("host")];
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      hosts.push(new URL(configured).host);
    } catch {
      // A malformed NEXTAUTH_URL is reported at start-up; here it simply grants nothing.
    }
  }
  return hosts.filter((host): host is string => Boolean(host));
}

export function isJsonRequest(request: Request): boolean {
  const contentType = request.headers.get("content-type") ?? "";
  return contentType.split(";")[0]?.trim().toLowerCase() === "application/json";
}
