const levels = [
  { label: "Too short", tone: "text-red-600 dark:text-red-400" },
  { label: "Weak", tone: "text-red-600 dark:text-red-400" },
  { label: "Fair", tone: "text-amber-700 dark:text-amber-400" },
  { label: "Strong", tone: "text-emerald-700 dark:text-emerald-400" },
] as const;

/** A rough guide, not a rule: length counts most, then a mix of character kinds. */
export function passwordStrength(password: string): 0 | 1 | 2 | 3 {
  if (password.length < 8) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (password.length >= 14 && kinds >= 3) return 3;
  if (password.length >= 10 && kinds >= 2) return 2;
  return 1;
}

export function PasswordStrength({ password }: { password: string }) {
  if (!password) {
    return <>Optional. Without one, the account cannot sign in to the portal until a password reset.</>;
  }
  const level = levels[passwordStrength(password)];
  return (
    <span aria-live="polite" data-testid="password-strength">
      Strength: <span className={`font-medium ${level.tone}`}>{level.label}</span>. Use 14 or more characters
      mixing letters, digits and symbols.
    </span>
  );
}
