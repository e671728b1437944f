"use client";

import { passwordStrength } from "@/components/accounts/password-strength";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { minStaffPasswordLength } from "@/lib/schemas/feature-values";

const levels = [
  { label: "Too short", tone: "text-red-600 dark:text-red-400" },
  { label: "Weak", tone: "text-red-600 dark:text-red-400" },
  { label: "Fair", tone: "text-amber-700 dark:text-amber-400" },
  { label: "Strong", tone: "text-emerald-700 dark:text-emerald-400" },
] as const;

interface StaffPasswordFieldProps {
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** A new password with a strength hint; the server's rule is the minimum length. */
export function StaffPasswordField({ label, value, error, onChange }: StaffPasswordFieldProps) {
  const level = value.length < minStaffPasswordLength ? levels[0] : levels[passwordStrength(value)];
  return (
    <Field
      label={label}
      error={error}
      hint={
        <span aria-live="polite" data-testid="password-strength">
          {value ? (
            <>
              Strength: <span className={`font-medium ${level.tone}`}>{level.label}</span>.{" "}
            </>
          ) : null}
          At least {minStaffPasswordLength} characters; 14 or more mixing letters, digits and symbols is
          better. Share it with the person privately.
        </span>
      }
    >
      <Input
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}
