"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { safeCallbackPath, signInErrorMessage } from "./sign-in-error";

interface LoginFormProps {
  callbackUrl?: string;
  initialError?: string;
}

interface FieldErrors {
  email?: string;
  password?: string;
}

function missingFields(form: FormData): FieldErrors {
  const errors: FieldErrors = {};
  if (!String(form.get("email") ?? "").trim()) errors.email = "Enter your email address.";
  if (!String(form.get("password") ?? "")) errors.password = "Enter your password.";
  return errors;
}

export function LoginForm({ callbackUrl, initialError }: LoginFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(() => signInErrorMessage(initialError));
  const [isPending, setIsPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const errorRef = useRef<HTMLParagraphElement>(null);
  const [errorShown, setErrorShown] = useState(0);

  // After a failed attempt the submit button is re-enabled and focus would sit on <body>: take it to the
  // message, which is read out and leaves Tab going on to the email field.
  useEffect(() => {
    if (errorShown > 0) errorRef.current?.focus();
  }, [errorShown]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    // An empty field is answered here, beside the field, instead of as a failed sign-in from the server.
    const missing = missingFields(form);
    setFieldErrors(missing);
    const firstMissing = (Object.keys(missing) as (keyof FieldErrors)[])[0];
    if (firstMissing) {
      formElement.querySelector<HTMLInputElement>(`input[name="${firstMissing}"]`)?.focus();
      return;
    }
    setIsPending(true);
    setError(null);
    const target = safeCallbackPath(callbackUrl);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl: target,
      });
      if (result?.ok && !result.error) {
        router.replace(target);
        router.refresh();
        return;
      }
      setError(
        signInErrorMessage(result?.error ?? null, result?.status) ?? "Sign-in failed. Please try again.",
      );
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    }
    setIsPending(false);
    setErrorShown((count) => count + 1);
  }

  return (
    // method="post": a submit before the page has hydrated must not put the password in the address bar.
    <form
      method="post"
      onSubmit={handleSubmit}
      className="flex flex-col gap-4"
      noValidate
      aria-describedby={error ? "sign-in-error" : undefined}
    >
      {error ? (
        <p
          id="sign-in-error"
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <Field label="Email" error={fieldErrors.email}>
        <Input name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password" error={fieldErrors.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" disabled={isPending} className="mt-2 w-full">
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
