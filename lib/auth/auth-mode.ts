// The run mode as the auth code sees it. Start-up records it once (resolveAuthSecret does); the auth
// code never reads TELNYX_* itself. Kept on globalThis because Next loads this module once per bundle.
import "server-only";

export type AuthMode = "embedded" | "live";

const MODE_KEY = Symbol.for("subdesk.authMode");
type Registry = typeof globalThis & { [MODE_KEY]?: AuthMode };

export function setAuthMode(mode: AuthMode): void {
  (globalThis as Registry)[MODE_KEY] = mode;
}

/** Null until start-up has said; callers treat null like live (demo sign-in and test clocks stay off). */
export function getAuthMode(): AuthMode | null {
  return (globalThis as Registry)[MODE_KEY] ?? null;
}

export function isEmbeddedMode(): boolean {
  return getAuthMode() === "embedded";
}
