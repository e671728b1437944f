"use client";

import { useEffect, useId, useState } from "react";
import { inputClassName } from "@/components/ui/input";
import { isFilterReady, minContainsLength } from "@/lib/accounts/url-state";
import type { matchModes } from "@/lib/schemas/managed-accounts";

type MatchMode = (typeof matchModes)[number];

const typingPauseMs = 400;

interface FilterInputProps {
  label: string;
  name: string;
  value: string;
  match: MatchMode;
  placeholder: string;
  /** Called once typing pauses and the text is one Telnyx will accept. */
  onChange: (next: { value: string; match: MatchMode }) => void;
}

/** A text filter with its contains/exact choice; a too-short "contains" is explained, not sent. */
export function FilterInput({ label, name, value, match, placeholder, onChange }: FilterInputProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // Set when switching to "contains" drops a too-short text from the URL: the text stays in the box.
  const [isKeepingText, setIsKeepingText] = useState(false);
  // Back/forward or "clear filters" changed the URL: show what it now says.
  if (value !== lastValue) {
    setLastValue(value);
    if (!isKeepingText) setText(value);
    setIsKeepingText(false);
  }
  const isReady = isFilterReady(text, match);

  useEffect(() => {
    if (!isReady || text.trim() === value) return;
    const timer = setTimeout(() => onChange({ value: text.trim(), match }), typingPauseMs);
    return () => clearTimeout(timer);
  }, [text, match, isReady, value, onChange]);

  const hintId = `${id}-hint`;
  return (
    <div className="flex min-w-64 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          type="search"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          aria-describedby={hintId}
          aria-invalid={!isReady || undefined}
          onChange={(event) => setText(event.target.value)}
          className={inputClassName}
        />
        <select
          aria-label={`${label} match`}
          value={match}
          onChange={(event) => {
            const next = event.target.value as MatchMode;
            if (isFilterReady(text, next)) onChange({ value: text.trim(), match: next });
            else {
              setIsKeepingText(value !== "");
              onChange({ value: "", match: next });
            }
          }}
          className={`${inputClassName.replace("w-full", "")} w-32 shrink-0`}
        >
          <option value="contains">contains</option>
          <option value="eq">is exactly</option>
        </select>
      </div>
      <p
        id={hintId}
        aria-live="polite"
        className={`text-xs ${isReady ? "text-slate-500 dark:text-slate-400" : "font-medium text-amber-700 dark:text-amber-400"}`}
      >
        {isReady
          ? `"contains" needs at least ${minContainsLength} characters (a Telnyx rule); "is exactly" takes any length.`
          : `Type at least ${minContainsLength} characters to search by part of the ${label.toLowerCase()}, or choose "is exactly". Not searched yet.`}
      </p>
    </div>
  );
}
