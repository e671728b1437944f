// `npm run staff -- <command>`: manage staff from a shell, e.g. live mode's first admin.
// The lib modules start with `import "server-only"`, which throws outside a React server bundle; this
// entry point stands in an empty module for it first, then loads the real code, so lib/db stays one
// codebase for Next and for this CLI.
import { createRequire } from "node:module";

const localRequire = createRequire(__filename);
const serverOnly = localRequire.resolve("server-only");
localRequire.cache[serverOnly] = {
  id: serverOnly,
  filename: serverOnly,
  loaded: true,
  exports: {},
} as NodeJS.Module;

import("./staff-commands")
  .then(({ runStaffCommand }) => runStaffCommand(process.argv.slice(2)))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
