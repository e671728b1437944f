import { startSimulator, type Simulator, type SimulatorOptions } from "../../../lib/sim/index";
import { expectSpec } from "./spec-validator";

export const API_KEY = "KEY0TEST_simulator_unit";

export interface Call {
  status: number;
  headers: Headers;
  contentType: string;
  body: unknown;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed JSON); wins over body. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Bearer key; null sends no Authorization header. */
  apiKey?: string | null;
  /** Statuses the spec does not document for this operation but the test expects on purpose. */
  allowUndocumented?: number[];
}

export async function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ apiKey: API_KEY, port: 0, control: true, ...options });
}

/** Calls one operation and validates the answer against the spec before handing it back. */
export async function call(
  sim: Simulator,
  operationId: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Call> {
  const answer = await rawCall(sim, method, path, options);
  expectSpec(operationId, answer, options.allowUndocumented);
  return answer;
}

export async function rawCall(
  sim: Simulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Call> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.apiKey === undefined ? API_KEY : options.apiKey;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${sim.url}${path}`, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  const parsed: unknown = contentType.includes("json") ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, contentType, body: parsed, text };
}

export async function control(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${sim.url.replace(/\/v2$/, "")}/__sim${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface AccountState {
  id: string;
  email: string;
  organization_name: string;
  status: "enabled" | "disabled" | "cancelled" | "blocked";
  channel_limit: number | null;
  rollup_billing: boolean;
  managed_account_allow_custom_pricing: boolean;
}

export async function accountStates(sim: Simulator): Promise<AccountState[]> {
  const response = await control(sim, "GET", "/state/accounts");
  return ((await response.json()) as { data: AccountState[] }).data;
}

export interface WireAccount {
  id: string;
  email: string;
  organization_name: string;
  created_at: string;
  updated_at: string;
  managed_account_allow_custom_pricing: boolean;
  rollup_billing: boolean;
  api_key?: string;
  api_token?: string;
  balance?: { balance: string; credit_limit: string; available_credit: string; currency: string };
}

export interface WireUser {
  id: string;
  email: string;
  record_type: string;
  user_status: string;
  created_at: string;
  last_sign_in_at: string | null;
  organization_user_bypasses_sso: boolean;
  groups?: { id: string; name: string }[];
}

export interface ListBody<T> {
  data: T[];
  meta: { page_number: number; page_size: number; total_pages: number; total_results: number };
}

export const dataOf = <T>(answer: Call): T => (answer.body as { data: T }).data;
export const listOf = <T>(answer: Call): ListBody<T> => answer.body as ListBody<T>;
export const firstError = (answer: Call) =>
  (
    answer.body as {
      errors: { code: string; title: string; detail: string; source?: Record<string, string> }[];
    }
  ).errors[0];
