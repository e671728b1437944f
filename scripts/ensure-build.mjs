// `prestart`: makes `npm install && npm start` work on a fresh clone by building when .next is missing
// or older than the sources. A current build is left alone, so a normal restart stays instant.
import { buildApp, staleBuildReason } from "./lib/build.mjs";

const reason = staleBuildReason();
if (reason) {
  console.log(`[ensure-build] Building the app first (${reason}): next build`);
  if (!buildApp()) {
    console.error("[ensure-build] next build failed; fix the errors above, then run npm start again.");
    process.exit(1);
  }
}
