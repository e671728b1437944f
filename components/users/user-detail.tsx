"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { HistoryList } from "@/components/audit/lazy-history-list";
import { BackLink, useListHref } from "@/components/ui/back-link";
import { Card, CardTitle } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { UpstreamNotice } from "@/components/accounts/upstream-notice";
import { ApiError } from "@/lib/queries/fetch-json";
import { orgUserOptions } from "@/lib/queries/org-users";
import { LastSignIn } from "./last-sign-in";
import { RemoveUserAction } from "./remove-user-action";
import { Timestamp } from "@/components/ui/timestamp";
import { GroupList, RoleBadge, SsoBypassBadge, UserStatusBadge } from "./user-badges";
import { UserGonePanel } from "./user-gone-panel";
import { useRememberRecentItem } from "@/components/shell/recent-items";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-sm sm:col-span-2">{children}</dd>
    </div>
  );
}

export function UserDetail({ id }: { id: string }) {
  const router = useRouter();
  const listHref = useListHref("/users");
  const user = useQuery(orgUserOptions(id));
  useRememberRecentItem(user.data ? { kind: "user", id, label: user.data.email } : null);

  if (user.isPending) {
    return (
      <div className="flex flex-col gap-4">
        <UpstreamNotice
          failureCount={user.failureCount}
          failureReason={user.failureReason}
          fetchStatus={user.fetchStatus}
        />
        <LoadingPanel label="Loading user…" />
      </div>
    );
  }
  if (user.isError && user.error instanceof ApiError && user.error.status === 404) {
    return <UserGonePanel />;
  }
  if (user.isError) {
    return (
      <Card>
        <ErrorPanel
          message={user.error.message}
          onRetry={() => user.refetch()}
          isRetrying={user.isFetching}
        />
      </Card>
    );
  }
  const { data } = user;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="mb-2 flex">
            <BackLink listPath="/users">All users</BackLink>
          </div>
          <h1 className="text-2xl font-semibold tracking-tight break-words">{data.email}</h1>
        </div>
        <RemoveUserAction user={data} onRemoved={() => router.push(listHref)} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Details</CardTitle>
          <dl className="mt-2 divide-y divide-slate-100 dark:divide-slate-800" data-testid="user-fields">
            <Row label="Email">
              <CopyableValue value={data.email} label="email" />
            </Row>
            <Row label="User id">
              <CopyableValue value={data.id} label="user id" isCode />
            </Row>
            <Row label="Role">
              <RoleBadge recordType={data.recordType} />
            </Row>
            <Row label="Status">
              <UserStatusBadge status={data.userStatus} />
            </Row>
            <Row label="Created">
              <Timestamp value={data.createdAt} />
            </Row>
            <Row label="Last sign-in">
              <LastSignIn lastSignInAt={data.lastSignInAt} />
              {data.lastSignInAt ? (
                <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
                  <Timestamp value={data.lastSignInAt} />
                </span>
              ) : null}
            </Row>
            <Row label="Single sign-on">
              {data.bypassesSso ? <SsoBypassBadge bypassesSso /> : "Signs in through SSO"}
            </Row>
          </dl>
        </Card>
        <Card>
          <CardTitle>Groups ({data.groups?.length ?? 0})</CardTitle>
          <div className="mt-3">
            <GroupList groups={data.groups} />
          </div>
        </Card>
      </div>
      <Card>
        <CardTitle>History in Subdesk</CardTitle>
        <HistoryList targetId={id} />
      </Card>
    </div>
  );
}
