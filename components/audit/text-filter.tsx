"use client";

import { useEffect, useId, useState } from "react";
import { Input } from "@/components/ui/input";

const typingPauseMs = 350;

interface TextFilterProps {
  label: string;
  value: string;
  placeholder?: string;
  hint?: string;
  list?: string;
  /** Called when typing pauses, or at once on Enter. */
  onChange: (value: string) => void;
}

/** A text filter that follows the URL (back/forward, clear) and applies itself after a pause in typing. */
export function TextFilter({ label, value, placeholder, hint, list, onChange }: TextFilterProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }

  useEffect(() => {
    if (draft.trim() === value.trim()) return;
    const timer = setTimeout(() => onChange(draft.trim()), typingPauseMs);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);

  return (
    <div className="flex min-w-48 flex-1 flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Input
        id={id}
        type="search"
        value={draft}
        list={list}
        placeholder={placeholder}
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onChange(draft.trim());
        }}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
