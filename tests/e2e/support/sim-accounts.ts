import { simUrl } from "../../support/env";

// The simulator's own view of its accounts (/__sim/state), so tests derive what the UI must show from the
// upstream's data instead of hard-coding it. Filtering and ordering mirror Telnyx's documented behaviour.

export interface SimAccount {
  id: string;
  email: string;
  organization_name: string;
  status: "enabled" | "disabled" | "blocked" | "cancelled";
  channel_limit: number | null;
  managed_account_allow_custom_pricing: boolean;
  rollup_billing: boolean;
  created_at: string;
}

export async function simAccounts(): Promise<SimAccount[]> {
  const response = await fetch(`${simUrl()}/__sim/state/accounts`);
  if (!response.ok) throw new Error(`sim state answered ${response.status}`);
  return ((await response.json()) as { data: SimAccount[] }).data;
}

export async function simAccount(id: string): Promise<SimAccount> {
  const response = await fetch(`${simUrl()}/__sim/state/accounts/${id}`);
  if (!response.ok) throw new Error(`sim state for ${id} answered ${response.status}`);
  return ((await response.json()) as { data: SimAccount }).data;
}

export async function simPool(): Promise<{ allocatable: number; allocated: number }> {
  const response = await fetch(`${simUrl()}/__sim/state/pool`);
  return ((await response.json()) as { data: { allocatable: number; allocated: number } }).data;
}

export interface Selection {
  sort?: "created_at" | "-created_at" | "email" | "-email";
  status?: "all" | "enabled" | "disabled" | "blocked" | "cancelled";
  emailContains?: string;
  emailEq?: string;
  orgContains?: string;
  includeCancelled?: boolean;
}

const byCreated = (a: SimAccount, b: SimAccount) =>
  Date.parse(a.created_at) - Date.parse(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byEmail = (a: SimAccount, b: SimAccount) => {
  const [x, y] = [a.email.toLowerCase(), b.email.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : byCreated(a, b);
};

/** The accounts Telnyx would list for this selection, in order. */
export function select(accounts: SimAccount[], selection: Selection = {}): SimAccount[] {
  const { sort = "-created_at", status = "all" } = selection;
  const compare = sort.endsWith("email") ? byEmail : byCreated;
  return accounts
    .filter((account) => {
      if (selection.emailEq !== undefined && account.email !== selection.emailEq) return false;
      if (
        selection.emailContains &&
        !account.email.toLowerCase().includes(selection.emailContains.toLowerCase())
      )
        return false;
      if (
        selection.orgContains &&
        !account.organization_name.toLowerCase().includes(selection.orgContains.toLowerCase())
      )
        return false;
      if (account.status === "cancelled" && !selection.includeCancelled && status !== "cancelled")
        return false;
      return status === "all" || account.status === status;
    })
    .sort(sort.startsWith("-") ? (a, b) => compare(b, a) : compare);
}
