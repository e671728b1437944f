"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CopyableValue } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/queries/fetch-json";
import { useConfirmMfa, useStartMfaEnrolment } from "@/lib/queries/mfa";
import { RecoveryCodes } from "./recovery-codes";

/** Scan (or type) the secret, confirm with a first code, then keep the recovery codes shown once. */
export function MfaSetup({ onDone }: { onDone?: () => void }) {
  const start = useStartMfaEnrolment();
  const confirm = useConfirmMfa();
  const [missing, setMissing] = useState<string>();
  const enrolment = start.data?.data;
  const recoveryCodes = confirm.data?.data.recoveryCodes;

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;

  if (!enrolment) {
    return (
      <div className="flex flex-col items-start gap-3">
        {start.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {start.error.message}
          </p>
        ) : null}
        <Button onClick={() => start.mutate()} disabled={start.isPending}>
          {start.isPending ? "Preparing…" : "Set up an authenticator app"}
        </Button>
      </div>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!/^\d{6}$/.test(code)) {
      setMissing("Enter the 6-digit code from your authenticator app.");
      return;
    }
    setMissing(undefined);
    confirm.mutate(code);
  }

  const serverError = confirm.error instanceof ApiError ? confirm.error : null;
  return (
    <div className="flex flex-col gap-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
        <li>Scan this code with an authenticator app (or type the key below into it).</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, no optimisation to do */}
        <img
          src={enrolment.qrCodeDataUrl}
          alt="QR code for your authenticator app"
          width={176}
          height={176}
          className="rounded-md border border-slate-200 bg-white p-1 dark:border-slate-700"
        />
        <div className="min-w-0 text-sm">
          <p className="font-medium">Setup key</p>
          <div data-testid="mfa-secret" className="mt-1">
            <CopyableValue value={enrolment.secret} label="setup key" isCode />
          </div>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            Time-based, 6 digits, every 30 seconds.
          </p>
        </div>
      </div>
      <form noValidate onSubmit={handleSubmit} className="flex max-w-xs flex-col gap-3">
        <Field label="Code from the app" error={missing ?? serverError?.fields?.code ?? serverError?.message}>
          <Input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />
        </Field>
        <Button type="submit" disabled={confirm.isPending}>
          {confirm.isPending ? "Checking…" : "Turn on two-factor authentication"}
        </Button>
      </form>
    </div>
  );
}
