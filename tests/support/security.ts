import { expect } from "vitest";
import type { ApiClient } from "./api-client";
import { simUrl } from "./env";
import { requestCounts } from "./sim-control";

// Shared by the cross-cutting security tests: the simulator's own view (what exists upstream), a check
// that nothing reached the simulator, and the error envelope.

async function simState<T>(path: string): Promise<T> {
  const response = await fetch(`${simUrl()}/__sim/state/${path}`);
  if (!response.ok) throw new Error(`sim state ${path} answered ${response.status}`);
  return ((await response.json()) as { data: T }).data;
}

export interface SimAccountState {
  id: string;
  email: string;
  organization_name: string;
  status: string;
  channel_limit: number | null;
  managed_account_allow_custom_pricing: boolean;
}

export const simAccountStates = () => simState<SimAccountState[]>("accounts");
export const simAccountState = (id: string) => simState<SimAccountState>(`accounts/${id}`);

/** Runs `work` and checks that no operation's counter moved on the simulator meanwhile. */
export async function expectSimUntouched<T>(
  work: () => Promise<T>,
  label = "simulator counters",
): Promise<T> {
  const before = await requestCounts();
  const result = await work();
  expect(await requestCounts(), label).toEqual(before);
  return result;
}

export async function expectEnvelope(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  const body = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

/** GET returning JSON, failing with a short message (a missing route answers a whole HTML page). */
export async function getJson<T>(client: ApiClient, path: string): Promise<T> {
  const response = await client.get(path);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
