"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, RowLink, type DataColumn } from "@/components/ui/data-table";
import type { AccessReviewItem } from "@/lib/schemas/access-reviews";
import { flagLabels, removalLabels } from "./review-labels";

function Flags({ flags }: { flags: AccessReviewItem["flags"] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((flag) => (
        <Badge key={flag} tone="warning">
          {flagLabels[flag]}
        </Badge>
      ))}
    </span>
  );
}

function DecisionCell({ item }: { item: AccessReviewItem }) {
  if (item.decision === null) return <Badge tone="warning">undecided</Badge>;
  const removal = item.removal ? removalLabels[item.removal] : undefined;
  return (
    <span className="flex flex-col items-start gap-1">
      <span className="flex flex-wrap gap-1">
        <Badge tone={item.decision === "keep" ? "success" : "danger"}>{item.decision}</Badge>
        {removal ? <Badge tone={removal.tone}>{removal.label}</Badge> : null}
      </span>
      {item.reason ? <span className="text-xs text-slate-600 dark:text-slate-300">{item.reason}</span> : null}
      <span className="text-xs text-slate-500 dark:text-slate-400">{item.decidedBy}</span>
    </span>
  );
}

function itemColumns(
  showControls: boolean,
  onDecide: (decision: "keep" | "remove", items: AccessReviewItem[]) => void,
): DataColumn<AccessReviewItem>[] {
  const columns: DataColumn<AccessReviewItem>[] = [
    {
      id: "person",
      header: "Person",
      className: "min-w-40",
      // An item's id is the organization user's id: their page says whether they are still there.
      cell: (item) => (
        <>
          <RowLink href={`/users/${item.id}`}>{item.email}</RowLink>
          {/* On a phone the flags sit under the email rather than in a column of their own. */}
          <span className="mt-1 block font-normal sm:hidden">
            <Flags flags={item.flags} />
          </span>
        </>
      ),
    },
    {
      id: "flags",
      header: "Flags",
      className: "hidden sm:table-cell",
      cell: (item) => <Flags flags={item.flags} />,
    },
    {
      id: "decision",
      header: "Decision",
      cell: (item) => (
        <span data-testid="item-decision">
          <DecisionCell item={item} />
        </span>
      ),
    },
  ];
  if (!showControls) return columns;
  return [
    ...columns,
    {
      id: "actions",
      header: "Actions",
      isHeaderHidden: true,
      className: "text-right",
      cell: (item) =>
        item.jobId === null ? (
          <span className="inline-flex flex-col gap-2 sm:flex-row">
            <Button
              size="sm"
              variant="secondary"
              onClick={() => onDecide("keep", [item])}
              aria-label={`Keep ${item.email}`}
            >
              Keep
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => onDecide("remove", [item])}
              aria-label={`Remove ${item.email}`}
            >
              Remove
            </Button>
          </span>
        ) : null,
    },
  ];
}

/** The campaign's people: tick several for one decision, or decide one from its row. */
export function CampaignItems({
  items,
  selected,
  isOpen,
  canDecide,
  onToggle,
  onTogglePage,
  onDecide,
}: {
  items: AccessReviewItem[];
  selected: ReadonlyMap<string, string>;
  isOpen: boolean;
  canDecide: boolean;
  onToggle: (item: AccessReviewItem) => void;
  onTogglePage: (isSelected: boolean) => void;
  onDecide: (decision: "keep" | "remove", items: AccessReviewItem[]) => void;
}) {
  const showControls = isOpen && canDecide;
  return (
    <DataTable
      label="People in this review"
      testId="campaign-items"
      rows={items}
      rowKey={(item) => item.id}
      rowLabel={(item) => item.email}
      rowHref={(item) => `/users/${item.id}`}
      rowData={(item) => ({ "data-item-id": item.id })}
      columns={itemColumns(showControls, onDecide)}
      selection={
        showControls
          ? {
              isSelected: (item) => selected.has(item.id),
              // A person whose removal job has started is settled.
              canSelect: (item) => item.jobId === null,
              onToggle,
              onTogglePage,
            }
          : undefined
      }
    />
  );
}
