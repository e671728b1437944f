"use client";

import { Field } from "@/components/ui/field";
import { inputClassName } from "@/components/ui/input";

/** The reason every change carries into the audit trail. */
export function ReasonField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Field
      label="Reason (recorded in the audit trail)"
      error={error}
      hint="At least 3 characters, e.g. a ticket number."
    >
      <textarea
        name="reason"
        required
        rows={2}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`${inputClassName} h-auto py-2`}
      />
    </Field>
  );
}
