// Runs a child command with inherited output. Each runner gets its own process group so that a Ctrl-C,
// a SIGTERM from CI or a plain exit can take down its workers too: Vitest's forked workers outlive a
// parent that was signalled alone.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./paths.mjs";

const running = new Map();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already empty.
  }
}

/** Resolves with the exit code (128 + n when killed by a signal, like a shell reports it). */
export function run(command, args, { env = process.env } = {}) {
  const bin = path.join(ROOT, "node_modules", ".bin", command);
  const child = spawn(bin, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  return new Promise((resolve) => {
    running.set(child.pid, child);
    child.once("error", (error) => {
      running.delete(child.pid);
      console.error(`[test] could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      running.delete(child.pid);
      // Sweep stragglers the runner left behind in its group.
      killGroup(child.pid, "SIGKILL");
      resolve(code ?? 128 + (signal === "SIGKILL" ? 9 : 15));
    });
  });
}

/** Passes a signal on to every running runner, then gives them `graceMs` before killing their groups. */
export async function stopRunning(signal, { graceMs = 3_000 } = {}) {
  const children = [...running.values()];
  for (const child of children) killGroup(child.pid, signal);
  const exited = children.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  killRunningNow();
}

/** Synchronous last resort for process "exit" handlers. */
export function killRunningNow() {
  for (const pid of running.keys()) killGroup(pid, "SIGKILL");
}
