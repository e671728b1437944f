import { randomBytes } from "node:crypto";

import type { Random } from "./prng";

// Shaped like Telnyx's: a v2 key "KEY0<hex>_<base64url>" and a 22-character v1 token.

export function freshApiKey(): string {
  return `KEY0${randomBytes(16).toString("hex").toUpperCase()}_${randomBytes(16).toString("base64url")}`;
}

export function freshApiToken(): string {
  return randomBytes(16).toString("base64url");
}

export function seededApiKey(random: Random): string {
  return `KEY0${random.hex(16)}_${random.base64url(16)}`;
}

export function seededApiToken(random: Random): string {
  return random.base64url(16);
}
