"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { mfaKeys, mfaStatusOptions } from "@/lib/queries/mfa";
import { MfaSetup } from "./mfa-setup";

/** One's own sign-in security: whether two-factor authentication is on, and setting it up. */
export function SecurityView() {
  const status = useQuery(mfaStatusOptions());
  const queryClient = useQueryClient();
  const data = status.data?.data;
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold">Two-factor authentication</h2>
        {data ? (
          <Badge tone={data.enabled ? "success" : data.required ? "danger" : "neutral"}>
            {data.enabled ? "On" : data.required ? "Required" : "Off"}
          </Badge>
        ) : null}
      </div>
      {status.isPending ? <LoadingPanel label="Loading…" /> : null}
      {status.isError && !data ? (
        <ErrorPanel message={status.error.message} onRetry={() => void status.refetch()} />
      ) : null}
      {data?.enabled ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          On since <Timestamp value={data.enabledAt} />. Password sign-ins ask for a code from your app.{" "}
          {data.recoveryCodesLeft} recovery code{data.recoveryCodesLeft === 1 ? "" : "s"} left. Lost your
          phone? An admin can reset it from the Staff page.
        </p>
      ) : null}
      {data && !data.enabled ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {data.required
              ? "Your role must use a code from an authenticator app when signing in with a password."
              : "Add a code from an authenticator app to your password sign-in."}{" "}
            Single sign-on uses your identity provider&apos;s own checks.
          </p>
          <MfaSetup onDone={() => void queryClient.invalidateQueries({ queryKey: mfaKeys.status })} />
        </>
      ) : null}
    </Card>
  );
}
