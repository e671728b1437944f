// Accounts and users the person opened, newest first, for the command palette. Only ids and labels (an
// email or a name) are kept, in this browser's localStorage: never a key, a token or anything from Telnyx
// beyond what the page already showed.
import { useEffect } from "react";

export interface RecentItem {
  kind: "account" | "user";
  id: string;
  label: string;
}

const storageKey = "subdesk-recent-items";
const maxItems = 8;

function isRecentItem(value: unknown): value is RecentItem {
  const item = value as RecentItem;
  return (
    typeof item === "object" &&
    item !== null &&
    (item.kind === "account" || item.kind === "user") &&
    typeof item.id === "string" &&
    typeof item.label === "string"
  );
}

export function readRecentItems(): RecentItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isRecentItem).slice(0, maxItems) : [];
  } catch {
    // Storage off (private mode) or damaged by hand: no recent items rather than a broken palette.
    return [];
  }
}

export function rememberRecentItem(item: RecentItem): void {
  const rest = readRecentItems().filter((other) => !(other.kind === item.kind && other.id === item.id));
  const next = [{ kind: item.kind, id: item.id, label: item.label.slice(0, 200) }, ...rest].slice(
    0,
    maxItems,
  );
  try {
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Full or refused storage: the item is simply not remembered.
  }
}

export function recentItemHref(item: RecentItem): string {
  return item.kind === "account" ? `/accounts/${item.id}` : `/users/${item.id}`;
}

/** Called by a detail page once its account or user is known, so the palette offers it under Recent. */
export function useRememberRecentItem(item: RecentItem | null): void {
  const kind = item?.kind;
  const id = item?.id;
  const label = item?.label;
  useEffect(() => {
    if (kind && id && label) rememberRecentItem({ kind, id, label });
  }, [kind, id, label]);
}
