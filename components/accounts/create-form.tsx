"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/queries/notify";
import { useListHref } from "@/components/ui/back-link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError, fetchJson } from "@/lib/queries/fetch-json";
import { accountKeys } from "@/lib/queries/managed-accounts";
import type { CreatedManagedAccount, ManagedAccount } from "@/lib/schemas/managed-accounts";
import { ApiKeyReveal } from "./api-key-reveal";
import { PasswordStrength } from "./password-strength";

// The form checks with the API's own schema, but zod is fetched after the page rather than with it (it was
// a sixth of the page's first load); the server parses every request with it regardless.
const loadSchemas = () => import("@/lib/schemas/managed-accounts");

type Values = {
  businessName: string;
  email: string;
  password: string;
  allowCustomPricing: boolean;
  rollupBilling: boolean;
};
type Errors = Partial<Record<keyof Values | "form" | "outcome", string>>;
type CreateAnswer =
  { data: CreatedManagedAccount; notice?: string } | { data: ManagedAccount; replayed: true };

const empty: Values = {
  businessName: "",
  email: "",
  password: "",
  allowCustomPricing: false,
  rollupBilling: false,
};

/**
 * The create call is a plain fetch in the submit handler, not a query or a mutation hook: its answer holds
 * the new API key, which must never sit in the query cache or any browser storage, only in this state.
 */
export function CreateForm() {
  const queryClient = useQueryClient();
  const listHref = useListHref("/accounts");
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [created, setCreated] = useState<{ account: ManagedAccount; apiKey?: string } | null>(null);
  // One key per submission, so a second click or a resent request cannot make a second account.
  const submission = useRef<{ key: string; isInFlight: boolean } | null>(null);

  // Leaving the page (or the tab going into the back/forward cache) drops the key from memory.
  useEffect(() => {
    const forget = () => setCreated(null);
    window.addEventListener("pagehide", forget);
    return () => window.removeEventListener("pagehide", forget);
  }, []);

  // A changed form is a different submission: it gets a new key (and the check on the old one ends).
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    if (!submission.current?.isInFlight) submission.current = null;
    setValues((old) => ({ ...old, [key]: value }));
  };

  async function submit() {
    if (submission.current?.isInFlight) return;
    const { createManagedAccountBodySchema } = await loadSchemas();
    // Asked again after the wait: a second press meanwhile must not send a second account.
    if (submission.current?.isInFlight) return;
    const parsed = createManagedAccountBodySchema.safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0]) as keyof Values] ??= issue.message;
      return setErrors(next);
    }
    submission.current = { key: submission.current?.key ?? crypto.randomUUID(), isInFlight: true };
    setErrors({});
    setIsSubmitting(true);
    try {
      const answer = await fetchJson<CreateAnswer>("/api/managed-accounts", {
        method: "POST",
        json: parsed.data,
        headers: { "Idempotency-Key": submission.current.key },
      });
      submission.current = null;
      const { apiKey, ...account } = answer.data as CreatedManagedAccount;
      setCreated({ account, apiKey: "replayed" in answer ? undefined : apiKey });
      setValues(empty);
      toast.success(
        `${account.organizationName} was created.`,
        "notice" in answer && answer.notice ? { description: answer.notice } : undefined,
      );
      void queryClient.invalidateQueries({ queryKey: accountKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: accountKeys.pool() });
    } catch (error) {
      // The answer was lost (on the way to us or from Telnyx): the same submission, with the same key, may
      // still have created the account. Keep the key so "Check again" looks before it creates.
      if (error instanceof ApiError && (error.outcome === "unknown" || error.status === 0)) {
        submission.current = submission.current && { ...submission.current, isInFlight: false };
        setErrors({ form: error.message, outcome: "unknown" });
        return;
      }
      // A refused submission is over: a corrected form is a new submission with a new key.
      submission.current = null;
      if (error instanceof ApiError) {
        setErrors({ ...(error.fields as Errors | undefined), form: error.message });
      } else setErrors({ form: "The account was not created. Try again." });
    } finally {
      setIsSubmitting(false);
    }
  }

  if (created) {
    return created.apiKey ? (
      <ApiKeyReveal account={created.account} apiKey={created.apiKey} onDone={() => setCreated(null)} />
    ) : (
      <Card>
        <p role="status">
          This submission had already created {created.account.email}. Its API key was shown to the first
          submission only.{" "}
          <Link href={`/accounts/${created.account.id}`} className="underline">
            Open the account
          </Link>
        </p>
      </Card>
    );
  }

  return (
    <Card>
      <form
        noValidate
        aria-busy={isSubmitting}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="flex max-w-xl flex-col gap-5"
      >
        <Field
          label="Business name (required)"
          error={errors.businessName}
          hint="Becomes the organization name."
        >
          <Input
            name="businessName"
            required
            value={values.businessName}
            onChange={(event) => set("businessName", event.target.value)}
          />
        </Field>
        <Field
          label="Email"
          error={errors.email}
          hint="Optional. Without one, Telnyx derives an address from the manager's email."
        >
          <Input
            name="email"
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(event) => set("email", event.target.value)}
          />
        </Field>
        <Field
          label="Password"
          error={errors.password}
          hint={<PasswordStrength password={values.password} />}
        >
          <Input
            name="password"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => set("password", event.target.value)}
          />
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="allowCustomPricing"
            className="mt-1"
            checked={values.allowCustomPricing}
            onChange={(event) => set("allowCustomPricing", event.target.checked)}
          />
          <span>
            Allow custom pricing
            <span className="block text-xs text-slate-500 dark:text-slate-400">Can be changed later.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="rollupBilling"
            className="mt-1"
            checked={values.rollupBilling}
            onChange={(event) => set("rollupBilling", event.target.checked)}
          />
          <span>
            Rollup billing
            <span className="block text-xs font-medium text-amber-800 dark:text-amber-300">
              Fixed after creation: only Telnyx support can change it. The account will have no balance of its
              own and spend the manager&apos;s.
            </span>
          </span>
        </label>
        {errors.form ? (
          <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
            {errors.form}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : errors.outcome === "unknown" ? "Check again" : "Create account"}
          </Button>
          <Link href={listHref} className="inline-flex h-10 items-center px-4 text-sm underline">
            Cancel
          </Link>
        </div>
      </form>
    </Card>
  );
}
