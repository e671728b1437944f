// Finds a Chromium for Playwright. `npx playwright install` cannot download here, so Debian's package is
// the usual answer; Playwright's own browser is still used when a developer has one.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

/** Playwright's bundled browser, if one was ever downloaded on this machine. */
async function playwrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Looks without installing anything: CHROMIUM_PATH, then Debian's, then Playwright's. */
export async function locateChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return playwrightChromium();
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync("/etc/debian_version");
}

/** Like locateChromium, but installs Debian's package when we are root on Debian (CI). */
export async function ensureChromium() {
  const found = await locateChromium();
  if (found) return found;
  if (!canInstallWithApt()) return undefined;
  console.log(`[test] No Chromium found; running: ${INSTALL_COMMAND}`);
  const result = spawnSync("bash", ["-c", INSTALL_COMMAND], { stdio: "inherit" });
  if (result.status !== 0) return undefined;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
