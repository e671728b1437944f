"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

interface CodeStepProps {
  isPending: boolean;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}

/** The second step of a password sign-in with MFA on: a code from the app, or one recovery code. */
export function CodeStep({ isPending, onSubmit, onCancel }: CodeStepProps) {
  const [missing, setMissing] = useState<string | undefined>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) {
      setMissing("Enter the code from your authenticator app.");
      return;
    }
    setMissing(undefined);
    onSubmit(code);
  }

  return (
    <form method="post" onSubmit={handleSubmit} className="flex flex-col gap-4" noValidate>
      <Field
        label="Authentication code"
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        error={missing}
      >
        <Input
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          spellCheck={false}
          maxLength={40}
          required
          autoFocus
        />
      </Field>
      <Button type="submit" disabled={isPending} className="mt-2 w-full">
        {isPending ? "Checking…" : "Verify and sign in"}
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel} className="w-full">
        Use another account
      </Button>
    </form>
  );
}
