// Runs a child command with inherited output and remembers it, so a Ctrl-C or SIGTERM can reach it.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./paths.mjs";

const running = new Set();

/** Resolves with the exit code (128 + n when killed by a signal, like a shell reports it). */
export function run(command, args, { env = process.env } = {}) {
  const bin = path.join(ROOT, "node_modules", ".bin", command);
  const child = spawn(bin, args, { cwd: ROOT, env, stdio: "inherit" });
  running.add(child);
  return new Promise((resolve) => {
    child.once("error", (error) => {
      running.delete(child);
      console.error(`[test] could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? 128 + (signal === "SIGKILL" ? 9 : 15));
    });
  });
}

export function signalRunning(signal) {
  for (const child of running) child.kill(signal);
}
