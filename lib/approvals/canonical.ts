// An approval is bound to the exact request: its action, its target and its body as canonical JSON (keys
// sorted at every depth), hashed with SHA-256. Any change to any of them is a different request.
import { createHash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function requestHash(action: string, target: { type: string; id: string }, json: string): string {
  return createHash("sha256")
    .update(canonicalJson({ action, target: { type: target.type, id: target.id }, body: json }))
    .digest("hex");
}
