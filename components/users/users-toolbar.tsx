"use client";

import { Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { Input } from "@/components/ui/input";
import type { UserStatus } from "@/lib/schemas/org-users";
import { userStatuses } from "@/lib/schemas/values";

const EMAIL_DEBOUNCE_MS = 300;

interface UsersToolbarProps {
  email: string;
  status: UserStatus | null;
  onEmailChange: (email: string) => void;
  onStatusChange: (status: UserStatus | null) => void;
  onClear: () => void;
  children?: React.ReactNode;
}

/** Email (partial match, applied after a pause in typing) and status filters. */
export function UsersToolbar({
  email,
  status,
  onEmailChange,
  onStatusChange,
  onClear,
  children,
}: UsersToolbarProps) {
  const emailId = useId();
  const [draft, setDraft] = useState(email);
  const [appliedEmail, setAppliedEmail] = useState(email);

  // Back/forward and "Clear" change the address: the box follows it (adjusted during render, not in an effect).
  if (email !== appliedEmail) {
    setAppliedEmail(email);
    setDraft(email);
  }

  useEffect(() => {
    if (draft.trim() === email.trim()) return;
    const timer = setTimeout(() => onEmailChange(draft), EMAIL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, email, onEmailChange]);

  const hasFilters = email !== "" || status !== null;
  return (
    <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter users">
      <div className="flex min-w-64 flex-1 flex-col gap-1.5">
        <label htmlFor={emailId} className="text-sm font-medium">
          Email contains
        </label>
        <div className="relative">
          <Search aria-hidden className="absolute top-3 left-3 size-4 text-slate-400" />
          <Input
            id={emailId}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") onEmailChange(draft);
            }}
            placeholder="part of an email address"
            className="pl-9"
            autoComplete="off"
          />
        </div>
      </div>
      <ChoiceFilter
        label="Status"
        anyLabel="Any status"
        value={status}
        choices={userStatuses}
        onChange={onStatusChange}
      />
      {children}
      {hasFilters ? (
        <Button variant="ghost" onClick={onClear}>
          <X aria-hidden className="size-4" />
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
