"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Building2, Clock, FileText, Search, Star, User } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type RefObject } from "react";
import { navPages } from "@/components/shell/nav-pages";
import { useStaff } from "@/components/shell/staff-context";
import { can, type Permission } from "@/lib/auth/permissions";
import { savedViewHref, savedViewsOptions } from "@/lib/queries/saved-views";
import { minSearchLength, useAccountSearch, useDebounced, useUserSearch } from "./palette-search";
import { readRecentItems, recentItemHref, rememberRecentItem, type RecentItem } from "./recent-items";

// What each page needs; the server checks again, this only keeps the list to pages the person can open.
const pagePermissions: Record<string, Permission> = {
  "/accounts": "accounts.read",
  "/jobs": "accounts.read",
  "/users": "users.read",
  "/users/review": "users.read",
  "/audit": "audit.read",
  "/staff": "staff.manage",
};
const extraPages = [
  { href: "/accounts/new", label: "New account", permission: "accounts.create" as Permission },
];

const itemClass =
  "flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-700 dark:text-slate-100 dark:data-[selected=true]:bg-slate-800 dark:data-[selected=true]:text-white";
const groupClass =
  "px-1 py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-600 dark:[&_[cmdk-group-heading]]:text-slate-300";
const secondaryClass = "ml-auto max-w-[45%] shrink-0 truncate text-xs text-slate-600 dark:text-slate-300";

const matches = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());

/**
 * The palette itself (Radix dialog + cmdk), loaded on first use by command-palette.tsx. Mounted afresh each
 * time it opens (its key), so the search starts empty and Recent is read again.
 */
export function CommandPaletteDialog({
  isOpen,
  onOpenChange,
  openerRef,
}: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** What had focus when it opened by a shortcut, to give focus back to. */
  openerRef: RefObject<HTMLElement | null>;
}) {
  const router = useRouter();
  const { role } = useStaff();
  const [search, setSearch] = useState("");
  const [recent] = useState<RecentItem[]>(readRecentItems);
  const term = useDebounced(search.trim());
  const typed = search.trim();

  const canReadAccounts = can(role, "accounts.read");
  const canReadUsers = can(role, "users.read");
  const views = useQuery({ ...savedViewsOptions(), enabled: isOpen });
  const accounts = useAccountSearch(term, isOpen && canReadAccounts);
  const users = useUserSearch(term, isOpen && canReadUsers);

  const pages = [
    ...navPages.filter(({ href }) => !pagePermissions[href] || can(role, pagePermissions[href])),
    ...extraPages.filter(({ permission }) => can(role, permission)),
  ].filter(({ label }) => matches(label, typed));
  const savedViews = (views.data?.data ?? []).filter((view) => matches(view.name, typed));
  const recentItems = recent.filter((item) => matches(item.label, typed));
  const isSearching =
    typed.length >= minSearchLength && (typed !== term || accounts.isFetching || users.isFetching);

  function go(href: string, item?: RecentItem) {
    if (item) rememberRecentItem(item);
    openerRef.current = null;
    onOpenChange(false);
    router.push(href);
  }

  return (
    <RadixDialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            // Opened by a shortcut there is no trigger for Radix to refocus: give focus back to what had it.
            if (openerRef.current?.isConnected) {
              event.preventDefault();
              openerRef.current.focus();
            }
            openerRef.current = null;
          }}
          className="fixed top-[8dvh] left-1/2 z-50 flex max-h-[84dvh] w-[min(36rem,calc(100vw-1rem))] -translate-x-1/2 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
        >
          <RadixDialog.Title className="sr-only">Search or jump to</RadixDialog.Title>
          <Command shouldFilter={false} loop label="Search or jump to" className="flex min-h-0 flex-col">
            <div className="flex items-center gap-2 border-b border-slate-200 px-3 dark:border-slate-700">
              <Search aria-hidden className="size-4 shrink-0 text-slate-600 dark:text-slate-300" />
              <Command.Input
                value={search}
                onValueChange={setSearch}
                placeholder="A page, a view, an account's email or organization, a user's email"
                className="h-12 w-full bg-transparent text-base outline-none placeholder:text-slate-500 sm:text-sm dark:placeholder:text-slate-400"
              />
            </div>
            <Command.List className="min-h-0 overflow-y-auto p-1" data-testid="command-palette-list">
              {isSearching ? (
                <Command.Loading>
                  <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-300">Searching…</p>
                </Command.Loading>
              ) : null}
              {!isSearching ? (
                <Command.Empty className="px-3 py-6 text-center text-sm text-slate-600 dark:text-slate-300">
                  {typed.length > 0 && typed.length < minSearchLength
                    ? `Type at least ${minSearchLength} characters to search accounts and users.`
                    : "Nothing matches. Try part of an email or an organization name."}
                </Command.Empty>
              ) : null}
              {accounts.isError || users.isError ? (
                <p role="alert" className="px-3 py-2 text-sm text-red-700 dark:text-red-300">
                  The search did not answer: {(accounts.error ?? users.error)?.message}
                </p>
              ) : null}
              {recentItems.length > 0 ? (
                <Command.Group heading="Recent" className={groupClass}>
                  {recentItems.map((item) => (
                    <Command.Item
                      key={`recent-${item.kind}-${item.id}`}
                      value={`recent-${item.kind}-${item.id}`}
                      onSelect={() => go(recentItemHref(item), item)}
                      className={itemClass}
                    >
                      <Clock aria-hidden className="size-4 shrink-0" />
                      <span className="truncate">{item.label}</span>
                      <span className={secondaryClass}>{item.kind === "account" ? "Account" : "User"}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {term.length >= minSearchLength && (accounts.data?.length ?? 0) > 0 ? (
                <Command.Group heading="Accounts" className={groupClass}>
                  {accounts.data!.map((account) => (
                    <Command.Item
                      key={`account-${account.id}`}
                      value={`account-${account.id}`}
                      onSelect={() =>
                        go(`/accounts/${account.id}`, {
                          kind: "account",
                          id: account.id,
                          label: account.email,
                        })
                      }
                      className={itemClass}
                    >
                      <Building2 aria-hidden className="size-4 shrink-0" />
                      <span className="truncate">{account.email}</span>
                      <span className={secondaryClass}>{account.organizationName}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {term.length >= minSearchLength && (users.data?.length ?? 0) > 0 ? (
                <Command.Group heading="Users" className={groupClass}>
                  {users.data!.map((user) => (
                    <Command.Item
                      key={`user-${user.id}`}
                      value={`user-${user.id}`}
                      onSelect={() =>
                        go(`/users/${user.id}`, { kind: "user", id: user.id, label: user.email })
                      }
                      className={itemClass}
                    >
                      <User aria-hidden className="size-4 shrink-0" />
                      <span className="truncate">{user.email}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {pages.length > 0 ? (
                <Command.Group heading="Pages" className={groupClass}>
                  {pages.map(({ href, label }) => (
                    <Command.Item
                      key={`page-${href}`}
                      value={`page-${href}`}
                      onSelect={() => go(href)}
                      className={itemClass}
                    >
                      <FileText aria-hidden className="size-4 shrink-0" />
                      {label}
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {savedViews.length > 0 ? (
                <Command.Group heading="Saved views" className={groupClass}>
                  {savedViews.map((view) => (
                    <Command.Item
                      key={`view-${view.id}`}
                      value={`view-${view.id}`}
                      onSelect={() => go(savedViewHref(view))}
                      className={itemClass}
                    >
                      <Star aria-hidden className="size-4 shrink-0" />
                      <span className="truncate">{view.name}</span>
                      <span className={secondaryClass}>
                        {view.list === "accounts" ? "Accounts" : "Users"}
                      </span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
            </Command.List>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
