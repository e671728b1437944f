import { invalidParameter } from "./errors";

// Bracketed query names are kept flat ("page[size]"), exactly as they arrive on the wire.

export function readInteger(
  query: URLSearchParams,
  name: string,
  fallback: number,
  range: { min: number; max?: number },
  status: 400 | 422,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const bounds = range.max === undefined ? `at least ${range.min}` : `between ${range.min} and ${range.max}`;
  if (!/^\d{1,9}$/.test(raw)) throw invalidParameter(status, name, `${name} must be an integer ${bounds}.`);
  const value = Number(raw);
  if (value < range.min || (range.max !== undefined && value > range.max)) {
    throw invalidParameter(status, name, `${name} must be ${bounds}.`);
  }
  return value;
}

export function readBoolean(query: URLSearchParams, name: string, status: 400 | 422): boolean {
  const raw = query.get(name);
  if (raw === null) return false;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw invalidParameter(status, name, `${name} must be true or false.`);
}

export function readEnum<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  status: 400 | 422,
): T | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const match = allowed.find((value) => value === raw);
  if (match === undefined)
    throw invalidParameter(status, name, `${name} must be one of: ${allowed.join(", ")}.`);
  return match;
}

/** Refuses bracketed names under a prefix that the operation does not know (deepObject with no extras). */
export function refuseUnknownBracketed(
  query: URLSearchParams,
  prefixes: readonly string[],
  known: ReadonlySet<string>,
  status: 400 | 422,
): void {
  for (const name of query.keys()) {
    if (prefixes.some((prefix) => name.startsWith(`${prefix}[`)) && !known.has(name)) {
      throw invalidParameter(status, name, `${name} is not a supported parameter.`);
    }
  }
}

export interface PageMeta {
  page_number: number;
  page_size: number;
  total_pages: number;
  total_results: number;
}

export function paginate<T>(
  items: readonly T[],
  pageNumber: number,
  pageSize: number,
): { data: T[]; meta: PageMeta } {
  const start = (pageNumber - 1) * pageSize;
  return {
    data: items.slice(start, start + pageSize),
    meta: {
      page_number: pageNumber,
      page_size: pageSize,
      total_pages: Math.ceil(items.length / pageSize),
      total_results: items.length,
    },
  };
}
