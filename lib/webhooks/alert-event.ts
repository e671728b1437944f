// The body of a low-balance webhook. It is built once, when the alert is raised, and stored as the exact
// string that is signed and sent on every attempt: a retry carries the same id and bytes, so a receiver can
// drop duplicates by id.
import type { AlertEventType } from "@/lib/balances/alert-state";

export interface AlertEventInput {
  id: string;
  type: AlertEventType;
  at: Date;
  account: { id: string; email: string | null; organizationName: string | null };
  balance: { amount: string; currency: string };
  threshold: string;
}

export interface AlertEventBody extends Omit<AlertEventInput, "at"> {
  at: string;
  /** One line for Slack's incoming webhooks (they read `text`), plain words for anyone else. */
  text: string;
}

/** Slack treats &, < and > as markup; names come from customers, so they are escaped. */
function slackEscape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function alertText({ type, account, balance, threshold }: AlertEventInput): string {
  const who = slackEscape(account.organizationName || account.email || account.id);
  const money = `${balance.amount} ${balance.currency}`;
  return type === "balance.low"
    ? `:warning: Low balance: ${who} has ${money}, below its threshold of ${threshold} ${balance.currency}.`
    : `:white_check_mark: Balance recovered: ${who} has ${money}, back above its threshold of ${threshold} ${balance.currency}.`;
}

export function buildAlertEvent(input: AlertEventInput): AlertEventBody {
  return {
    id: input.id,
    type: input.type,
    at: input.at.toISOString(),
    account: input.account,
    balance: input.balance,
    threshold: input.threshold,
    text: alertText(input),
  };
}

/** The raw body as sent and signed. */
export function serializeAlertEvent(input: AlertEventInput): string {
  return JSON.stringify(buildAlertEvent(input));
}
