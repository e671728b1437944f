"use client";

import { ShieldCheck } from "lucide-react";
import { useEffect, useState } from "react";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError, fetchJson } from "@/lib/queries/fetch-json";
import { signInWithSso } from "./auth-requests";
import type { StepUpStatusDto } from "@/lib/schemas/step-up";

type Status = StepUpStatusDto | "loading" | "error";

/**
 * The console's one step-up dialog (opened by StepUpHost when a request meets step_up_required). A password
 * session confirms here and the waiting request goes again by itself. A single sign-on session goes to its
 * identity provider (prompt=login, max_age=0) and comes back to this page; the person then presses the
 * action's button once more.
 */
export function StepUpDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const [open, setOpen] = useState(true);
  const [status, setStatus] = useState<Status>("loading");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [isPending, setIsPending] = useState(false);

  useEffect(() => {
    fetchJson<{ data: StepUpStatusDto }>("/api/auth/step-up")
      .then(({ data }) => setStatus(data))
      .catch(() => setStatus("error"));
  }, []);

  const finish = (ok: boolean) => {
    setOpen(false);
    onDone(ok);
  };

  async function confirm() {
    setIsPending(true);
    setMessage(undefined);
    try {
      await fetchJson("/api/auth/step-up", { method: "POST", json: { password, ...(code ? { code } : {}) } });
      finish(true);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setFields(apiError?.fields ?? {});
      setMessage(apiError?.fields ? undefined : (apiError?.message ?? "That did not work. Try again."));
    } finally {
      setIsPending(false);
    }
  }

  async function continueWithSso() {
    setIsPending(true);
    await signInWithSso(window.location.href, { prompt: "login", max_age: "0" }).catch(() =>
      setIsPending(false),
    );
  }

  const isSso = typeof status === "object" && status.via === "sso";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !isPending && finish(false)}
      title="Confirm it is you"
      description={
        isSso
          ? "This action needs a recent sign-in. Your identity provider will ask you to sign in again and bring you back to this page; then press the action's button once more."
          : "This action needs a sign-in from the last few minutes. Confirm with your password and the action carries on."
      }
    >
      {status === "loading" ? <p className="text-sm">Checking how you signed in…</p> : null}
      {status === "error" ? (
        <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
          The console could not be reached. Close this and try again.
        </p>
      ) : null}
      {isSso ? (
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => finish(false)} disabled={isPending}>
            Cancel
          </Button>
          <Button onClick={() => void continueWithSso()} disabled={isPending}>
            <ShieldCheck aria-hidden className="size-4" />
            {isPending ? "Opening single sign-on…" : "Continue with SSO"}
          </Button>
        </div>
      ) : null}
      {typeof status === "object" && !isSso ? (
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!password) return setFields({ password: "Enter your password." });
            void confirm();
          }}
        >
          <Field label="Password" error={fields.password}>
            <Input
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </Field>
          {status.needsCode ? (
            <Field
              label="Authentication code"
              hint="The 6-digit code from your authenticator app, or a recovery code."
              error={fields.code}
            >
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            </Field>
          ) : null}
          <DialogFooter
            error={message}
            isPending={isPending}
            confirmLabel="Confirm and continue"
            pendingLabel="Confirming…"
            onCancel={() => finish(false)}
          />
        </form>
      ) : null}
    </Dialog>
  );
}
