"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import dynamic from "next/dynamic";
import { clampPage } from "@/components/ui/clamp-page";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { approvalListOptions } from "@/lib/queries/approvals";
import type { ApprovalDto } from "@/lib/schemas/approvals";
import { approvalStatusLabels, ApprovalStatusBadge } from "./approval-labels";
import { approvalFilterValues, approvalListParsers } from "./approvals-url-state";

// The dialog loads when a request is opened.
const ApprovalDialog = dynamic(() => import("./approval-dialog").then((module) => module.ApprovalDialog), {
  ssr: false,
});

function actionLabel(approval: ApprovalDto): string {
  if (approval.canApprove) return "Review and decide";
  if (approval.canBreakGlass) return "Review (break-glass possible)";
  if (approval.canReview) return "Review break-glass";
  return "Details";
}

function columns(open: (approval: ApprovalDto) => void): DataColumn<ApprovalDto>[] {
  return [
    {
      id: "request",
      header: "Request",
      className: "min-w-48",
      cell: (approval) => (
        <>
          <span className="font-medium">{approval.summary}</span>
          <span className="block text-xs text-slate-600 dark:text-slate-300">{approval.reason}</span>
        </>
      ),
    },
    { id: "status", header: "Status", cell: (approval) => <ApprovalStatusBadge approval={approval} /> },
    {
      id: "asked",
      header: "Asked by",
      className: "break-all",
      cell: (approval) => approval.requestedBy.email,
    },
    {
      id: "created",
      header: "Asked",
      className: "hidden whitespace-nowrap tabular-nums sm:table-cell",
      cell: (approval) => <Timestamp value={approval.createdAt} />,
    },
    {
      id: "expires",
      header: "Expires",
      className: "hidden whitespace-nowrap tabular-nums md:table-cell",
      cell: (approval) => <Timestamp value={approval.expiresAt} />,
    },
    {
      id: "open",
      header: "Actions",
      isHeaderHidden: true,
      cell: (approval) => (
        <Button
          size="sm"
          variant={approval.canApprove || approval.canReview ? "primary" : "secondary"}
          onClick={() => open(approval)}
          aria-label={`${actionLabel(approval)}: ${approval.summary}`}
        >
          {actionLabel(approval)}
        </Button>
      ),
    },
  ];
}

/** Requests waiting for a second person (and those decided), newest first; a row opens its dialog. */
export function ApprovalsList() {
  const [state, setState] = useQueryStates(approvalListParsers, { history: "push" });
  const query = {
    status: state.status === "all" ? null : state.status,
    page: clampPage(state.page),
    pageSize: state.pageSize,
  };
  const approvals = useQuery(approvalListOptions(query));
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = approvals.data?.data.find((approval) => approval.id === openId);

  return (
    <Card className="flex flex-col gap-4 overflow-hidden px-0! pt-4 pb-0!">
      <div role="search" aria-label="Filter approvals" className="flex flex-wrap items-end gap-3 px-4">
        <ChoiceFilter
          label="Show"
          anyLabel="Pending"
          value={state.status === "pending" ? null : state.status}
          choices={approvalFilterValues.filter((status) => status !== "pending")}
          describe={(status) => approvalStatusLabels[status]}
          onChange={(status) => void setState({ status: status ?? "pending", page: 1 })}
        />
      </div>
      <div
        aria-busy={approvals.isFetching}
        className={approvals.isPlaceholderData ? "opacity-60" : undefined}
      >
        <ListStates
          query={approvals}
          noun="approval requests"
          isEmpty={(list) => list.data.length === 0}
          empty={
            <EmptyPanel
              title={state.status === "pending" ? "Nothing waits for a decision." : "No requests here."}
            >
              <p>
                Removing a user, a bulk job of more than 25 items and making someone an admin wait here for a
                second staff member.
              </p>
            </EmptyPanel>
          }
        >
          {(list) => (
            <DataTable
              label="Approval requests"
              testId="approvals-table"
              rows={list.data}
              rowKey={(approval) => approval.id}
              rowLabel={(approval) => approval.summary}
              onRowOpen={(approval) => setOpenId(approval.id)}
              rowData={(approval) => ({ "data-testid": "approval-row", "data-approval-id": approval.id })}
              columns={columns((approval) => setOpenId(approval.id))}
            />
          )}
        </ListStates>
      </div>
      {approvals.data && approvals.data.meta.totalResults > 0 ? (
        <ListPagination
          meta={approvals.data.meta}
          noun="requests"
          onPageChange={(page) => void setState({ page })}
          onPageSizeChange={(pageSize) => void setState({ pageSize, page: 1 })}
        />
      ) : null}
      {opened ? <ApprovalDialog approval={opened} onOpenChange={(open) => !open && setOpenId(null)} /> : null}
    </Card>
  );
}
