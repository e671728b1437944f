import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository root, whatever directory a script was started from. */
export const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
export const TEST_DATA_DIR = path.join(ROOT, ".test-data");
