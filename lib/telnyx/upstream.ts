import "server-only";
import { randomBytes } from "node:crypto";
import { APIError } from "telnyx";
import {
  readLiveSettings,
  readMaxRetries,
  resolveTelnyxMode,
  readTimeoutMs,
  type UpstreamMode,
} from "./config";
import type { UpstreamSettings } from "./config";
import { sdkClient } from "./sdk";
import { upstreamState } from "./state";

/** What the rest of the app may know about the upstream: never the key. */
export interface UpstreamInfo {
  mode: UpstreamMode;
  baseURL: string;
}

function toInfo(settings: UpstreamSettings): UpstreamInfo {
  return { mode: settings.mode, baseURL: settings.baseURL };
}

function readCount(name: string): number | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of 0 or more.`);
  return value;
}

async function startEmbedded(): Promise<UpstreamSettings> {
  // Imported lazily so live mode never loads the simulator.
  const { startSimulator } = await import("@/lib/sim");
  // A fresh key per start: nothing to leak, and nothing else on the machine can drive our simulator.
  const apiKey = `KEYSIM${randomBytes(24).toString("hex")}`;
  const simulator = await startSimulator({
    apiKey,
    port: readCount("SIM_PORT") ?? 0,
    host: "127.0.0.1",
    control: process.env.SIM_CONTROL === "1",
    accounts: readCount("SIM_SEED_ACCOUNTS"),
    users: readCount("SIM_SEED_USERS"),
    // Off unless set: tests and the bulk benchmark switch Telnyx's per-key limit on.
    rateLimitRps: readCount("SIM_RATE_LIMIT_RPS"),
  });
  upstreamState().closeSimulator = () => simulator.close();
  return {
    mode: "embedded",
    apiKey,
    baseURL: simulator.url,
    timeoutMs: readTimeoutMs(),
    maxRetries: readMaxRetries(),
  };
}

/**
 * Chooses the mode and, in embedded mode, starts the simulator. Safe to call from instrumentation.ts and
 * from every request: the first call does the work, later ones share its promise.
 */
export async function startUpstream(): Promise<UpstreamInfo> {
  const state = upstreamState();
  if (state.settings) return toInfo(state.settings);
  state.starting ??= (async () => {
    state.settings = resolveTelnyxMode() === "live" ? readLiveSettings() : await startEmbedded();
  })().finally(() => {
    state.starting = undefined;
  });
  await state.starting;
  return getUpstream();
}

export function getUpstream(): UpstreamInfo {
  const settings = upstreamState().settings;
  if (!settings) throw new Error("The Telnyx upstream is not started: call startUpstream() first.");
  return toInfo(settings);
}

/** For lib/telnyx only: the settings with the key, starting the upstream on first use. */
export async function upstreamSettings(): Promise<UpstreamSettings> {
  await startUpstream();
  const settings = upstreamState().settings;
  if (!settings) throw new Error("The Telnyx upstream failed to start.");
  return settings;
}

/** Points lib/telnyx at a server a test started, bypassing the environment. */
export function configureUpstreamForTests(options: {
  baseURL: string;
  apiKey: string;
  timeoutMs?: number;
  maxRetries?: number;
}): UpstreamInfo {
  const state = upstreamState();
  state.settings = {
    mode: "embedded",
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeoutMs: options.timeoutMs ?? readTimeoutMs(),
    maxRetries: options.maxRetries ?? readMaxRetries(),
  };
  state.statusSets.clear();
  return toInfo(state.settings);
}

/** Closes the embedded simulator, if we started one, and forgets the settings. */
export async function stopUpstream(): Promise<void> {
  const state = upstreamState();
  const close = state.closeSimulator;
  state.closeSimulator = undefined;
  state.settings = undefined;
  state.client = undefined;
  state.clientSettings = undefined;
  state.statusSets.clear();
  await close?.();
}

const healthTimeoutMs = 2_000;

/** One cheap read for /api/health. Any HTTP answer means reachable; its status tells a bad key apart. */
export async function checkUpstreamReachable(): Promise<{
  reachable: boolean;
  latencyMs?: number;
  status?: number;
}> {
  const settings = await upstreamSettings();
  const timeout = Math.min(healthTimeoutMs, settings.timeoutMs);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const startedAt = performance.now();
  try {
    const response = await sdkClient(settings)
      .managedAccounts.getAllocatableGlobalOutboundChannels({
        signal: controller.signal,
        timeout,
        maxRetries: 0,
      })
      .asResponse();
    await response.body?.cancel();
    return { reachable: true, latencyMs: Math.round(performance.now() - startedAt), status: response.status };
  } catch (error) {
    if (error instanceof APIError && error.status !== undefined) {
      return { reachable: true, latencyMs: Math.round(performance.now() - startedAt), status: error.status };
    }
    return { reachable: false };
  } finally {
    clearTimeout(timer);
  }
}
