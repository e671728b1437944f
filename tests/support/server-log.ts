import { readFileSync } from "node:fs";

// The test server's stdout and stderr (scripts/test.mjs writes them to SERVER_LOG), for tests that check
// what the app logs, e.g. that no secret ever reaches it.
export function readServerLog(): string {
  const file = process.env.SERVER_LOG;
  if (!file) throw new Error("SERVER_LOG is not set: run the suite with `npm test`.");
  return readFileSync(file, "utf8");
}
