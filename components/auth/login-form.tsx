"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInWithCredentials } from "./auth-requests";
import { CodeStep } from "./code-step";
import { safeCallbackPath, signInErrorMessage } from "./sign-in-error";
import { SsoButton } from "./sso-button";

interface LoginFormProps {
  callbackUrl?: string;
  initialError?: string;
  /** SUBDESK_PASSWORD_SIGNIN=off hides the password form (the server refuses it too). */
  isPasswordEnabled?: boolean;
  isSsoEnabled?: boolean;
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

export function LoginForm({
  callbackUrl,
  initialError,
  isPasswordEnabled = true,
  isSsoEnabled = false,
}: LoginFormProps) {
  const router = useRouter();
  // After a right password with MFA on: the code step (the password is not kept nor sent again).
  const [step, setStep] = useState<"password" | "code">("password");
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
    await submit({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  async function submit(credentials: Record<string, string>) {
    setIsPending(true);
    setError(null);
    const target = safeCallbackPath(callbackUrl);
    try {
      const result = await signInWithCredentials(credentials, target);
      if (result?.ok && !result.error) {
        router.replace(target);
        router.refresh();
        return;
      }
      if (result?.error === "mfa_required") {
        setStep("code");
        setIsPending(false);
        return;
      }
      if (result?.error === "mfa_challenge_expired") setStep("password");
      setError(
        signInErrorMessage(result?.error ?? null, result?.status) ?? "Sign-in failed. Please try again.",
      );
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    }
    setIsPending(false);
    setErrorShown((count) => count + 1);
  }

  const target = safeCallbackPath(callbackUrl);
  const errorBox = error ? (
    <p
      id="sign-in-error"
      ref={errorRef}
      tabIndex={-1}
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
    >
      {error}
    </p>
  ) : null;

  if (step === "code") {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Two-factor authentication is on for this account.
        </p>
        {errorBox}
        <CodeStep
          isPending={isPending}
          onSubmit={(code) => void submit({ code })}
          onCancel={() => {
            setError(null);
            setStep("password");
          }}
        />
      </div>
    );
  }

  if (!isPasswordEnabled) {
    return (
      <div className="flex flex-col gap-4">
        {errorBox}
        {isSsoEnabled ? (
          <SsoButton callbackUrl={target} isPrimary />
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Password sign-in is switched off and single sign-on is not set up. Ask the person who runs
            Subdesk.
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {errorBox}
      {isSsoEnabled ? (
        <>
          <SsoButton callbackUrl={target} isPrimary={false} />
          <p className="flex items-center gap-3 text-xs text-slate-600 uppercase dark:text-slate-400">
            <span aria-hidden className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
            or with your password
            <span aria-hidden className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
          </p>
        </>
      ) : null}
      {/* method="post": a submit before the page has hydrated must not put the password in the address bar. */}
      <form
        method="post"
        onSubmit={handleSubmit}
        className="flex flex-col gap-4"
        noValidate
        aria-describedby={error ? "sign-in-error" : undefined}
      >
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
    </div>
  );
}
