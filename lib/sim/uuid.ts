import { randomBytes } from "node:crypto";

import { formatUuid } from "./prng";

/** Ids of things created at run time: random, unlike the seeded ones. */
export function randomUuid(): string {
  return formatUuid(randomBytes(16));
}
