"use client";

import { useEffect, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "blocked";

/** The Clipboard API where the browser allows it; otherwise the older selection copy (plain HTTP, old browsers). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      return await navigator.clipboard.writeText(text);
    } catch {
      // Refused (permissions, an unfocused document): the selection copy below may still work.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the only copy left when the Clipboard API is missing or refused.
    if (!document.execCommand("copy")) throw new Error("copy refused");
  } finally {
    area.remove();
    document.getSelection()?.removeAllRanges();
  }
}

interface CopyButtonProps {
  value: string;
  /** What is copied, for the button's accessible name: "Copy {label}". */
  label: string;
  /** A visible label; without one the button is an icon with the name only for assistive technology. */
  children?: React.ReactNode;
  onCopied?: () => void;
  className?: string;
}

/** Copies a value and says so ("Copied") to sighted and screen-reader users alike. */
export function CopyButton({ value, label, children, onCopied, className = "" }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = () => {
    copyText(value).then(
      () => {
        setState("copied");
        onCopied?.();
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setState("idle"), 2500);
      },
      () => setState("blocked"),
    );
  };
  const Icon = state === "copied" ? Check : Copy;
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <Button
        variant={children ? "secondary" : "ghost"}
        size="sm"
        onClick={copy}
        aria-label={children ? undefined : `Copy ${label}`}
        title={children ? undefined : `Copy ${label}`}
        // px-0! beats the small size's px-3 (same-layer utilities go by stylesheet order, not class order).
        className={children ? "" : "size-8 shrink-0 px-0!"}
      >
        <Icon aria-hidden className="size-4 shrink-0" />
        {children ? (state === "copied" ? "Copied" : children) : null}
      </Button>
      <span
        role="status"
        className={state === "blocked" ? "text-xs text-red-700 dark:text-red-300" : "sr-only"}
      >
        {state === "copied"
          ? "Copied"
          : state === "blocked"
            ? "Copying was blocked by the browser: select the text and copy it by hand."
            : ""}
      </span>
    </span>
  );
}

/** A value with its copy button beside it; the value wraps anywhere, so a long id never widens the page. */
export function CopyableValue({
  value,
  label,
  isCode = false,
}: {
  value: string;
  label: string;
  isCode?: boolean;
}) {
  return (
    <span className="flex items-center gap-1">
      {isCode ? (
        <code className="min-w-0 font-mono break-all">{value}</code>
      ) : (
        <span className="min-w-0 break-words">{value}</span>
      )}
      <CopyButton value={value} label={label} />
    </span>
  );
}
