"use client";

import { useId } from "react";
import { inputClassName } from "@/components/ui/input";
import { pageSizes } from "@/lib/accounts/url-state";

export function PageSizeSelect({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="whitespace-nowrap text-slate-600 dark:text-slate-300">
        Rows per page
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className={`${inputClassName.replace("w-full", "")} h-8 w-20`}
      >
        {pageSizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </div>
  );
}
