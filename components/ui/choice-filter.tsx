"use client";

import { useId } from "react";
import { inputClassName } from "@/components/ui/input";

const selectClassName = `${inputClassName.replace("w-full", "")} w-48`;

/** A labelled drop-down of fixed values with an "any" choice; null means no filter. */
export function ChoiceFilter<Value extends string>({
  label,
  anyLabel,
  value,
  choices,
  describe = (choice) => choice,
  onChange,
  isInline = false,
}: {
  label: string;
  anyLabel: string;
  value: Value | null;
  choices: readonly Value[];
  describe?: (choice: Value) => string;
  onChange: (value: Value | null) => void;
  /** Label beside the control (a compact toolbar) rather than above it. */
  isInline?: boolean;
}) {
  const id = useId();
  return (
    <div className={isInline ? "flex items-center gap-2 text-sm" : "flex flex-col gap-1.5"}>
      <label htmlFor={id} className={isInline ? undefined : "text-sm font-medium"}>
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange((event.target.value || null) as Value | null)}
        className={isInline ? `${selectClassName} h-8` : selectClassName}
      >
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {describe(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}
