"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RowCheckbox, PageCheckbox } from "@/components/accounts/selection-checkbox";
import type { AccessReviewItem } from "@/lib/schemas/access-reviews";
import { cellClassName, headerCellClassName } from "@/components/users/users-table";
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
  // A person whose removal job has started is settled.
  const decidable = items.filter((item) => item.jobId === null);
  const showControls = isOpen && canDecide;
  return (
    // Focusable so a keyboard can scroll it sideways on a phone (axe: scrollable-region-focusable).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="People in this review">
      <table className="w-full text-sm" data-testid="campaign-items">
        <caption className="sr-only">People in this review</caption>
        <thead>
          <tr>
            {showControls ? (
              <th scope="col" className={`${headerCellClassName} w-8`}>
                <PageCheckbox
                  checkedCount={decidable.filter((item) => selected.has(item.id)).length}
                  pageCount={decidable.length}
                  onChange={onTogglePage}
                />
              </th>
            ) : null}
            <th scope="col" className={headerCellClassName}>
              Person
            </th>
            <th scope="col" className={`${headerCellClassName} hidden sm:table-cell`}>
              Flags
            </th>
            <th scope="col" className={headerCellClassName}>
              Decision
            </th>
            {showControls ? (
              <th scope="col" className={headerCellClassName}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.id}
              data-item-id={item.id}
              className="border-t border-slate-200 align-top dark:border-slate-800"
            >
              {showControls ? (
                <td className={cellClassName}>
                  {item.jobId === null ? (
                    <RowCheckbox
                      label={item.email}
                      isChecked={selected.has(item.id)}
                      onToggle={() => onToggle(item)}
                    />
                  ) : null}
                </td>
              ) : null}
              <td className={`${cellClassName} min-w-40 font-medium [overflow-wrap:anywhere]`}>
                {item.email}
                {/* On a phone the flags sit under the email rather than in a column of their own. */}
                <span className="mt-1 block sm:hidden">
                  <Flags flags={item.flags} />
                </span>
              </td>
              <td className={`${cellClassName} hidden sm:table-cell`}>
                <Flags flags={item.flags} />
              </td>
              <td className={cellClassName} data-testid="item-decision">
                <DecisionCell item={item} />
              </td>
              {showControls ? (
                <td className={`${cellClassName} text-right`}>
                  {item.jobId === null ? (
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
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
