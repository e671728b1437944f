"use client";

import { Download, SlidersHorizontal, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { inputClassName } from "@/components/ui/input";
import { auditExportUrl } from "@/lib/queries/audit";
import { timeRangeProblem, toAuditFilterQuery, type AuditUrlState } from "@/lib/queries/audit-url-state";
import { auditActionLabels } from "@/lib/audit/describe";
import type { AuditOutcomeName } from "@/lib/schemas/audit";
import { auditOutcomes, knownAuditActions } from "@/lib/schemas/audit-values";
import { TextFilter } from "./text-filter";

// inputClassName is full-width; these controls keep their own width.
const fixedWidthInput = inputClassName.replace("w-full", "");

const actionFamilies = ["account.*", "org_user.*", "job.*", "access_review.*", "staff.*", "auth.*", "view.*"];

export type AuditFilterChange = Partial<Omit<AuditUrlState, "page" | "pageSize">>;

interface AuditFiltersProps {
  state: AuditUrlState;
  onChange: (change: AuditFilterChange) => void;
  onClear: () => void;
}

/** Actor, action, target, time range (UTC) and outcome; every change lands in the URL. */
export function AuditFilters({ state, onChange, onClear }: AuditFiltersProps) {
  const id = useId();
  const rangeProblem = timeRangeProblem(state);
  const hasFilters = Boolean(
    state.actor || state.action || state.target || state.from || state.to || state.outcome,
  );
  // On a phone the six controls would fill the first screen: they fold behind one button there.
  const [isShownOnPhone, setShownOnPhone] = useState(false);
  const activeCount = [state.actor, state.action, state.target, state.from, state.to, state.outcome].filter(
    Boolean,
  ).length;
  return (
    <div role="search" aria-label="Filter the audit trail" className="flex flex-col gap-3">
      <Button
        variant="secondary"
        size="sm"
        className="self-start md:hidden"
        aria-expanded={isShownOnPhone}
        aria-controls={`${id}-filters`}
        onClick={() => setShownOnPhone((shown) => !shown)}
      >
        <SlidersHorizontal aria-hidden className="size-4" />
        {isShownOnPhone ? "Hide filters" : "Filters and export"}
        {activeCount > 0 ? ` (${activeCount} on)` : ""}
      </Button>
      <div id={`${id}-filters`} className={`flex flex-col gap-3 ${isShownOnPhone ? "" : "max-md:hidden"}`}>
        <div className="flex flex-wrap items-start gap-3">
          <TextFilter
            label="Actor"
            value={state.actor}
            placeholder="part of an email"
            onChange={(actor) => onChange({ actor })}
          />
          <TextFilter
            label="Action"
            value={state.action}
            list={`${id}-actions`}
            placeholder="any action"
            hint="Pick one from the list, or a family such as account.*"
            onChange={(action) => onChange({ action })}
          />
          {/* One control for the action: the list offers every known action and family, typing takes any. */}
          <datalist id={`${id}-actions`}>
            {[...actionFamilies, ...knownAuditActions].map((action) => (
              <option key={action} value={action}>
                {auditActionLabels[action] ?? action}
              </option>
            ))}
          </datalist>
          <TextFilter
            label="Target"
            value={state.target}
            placeholder="an id, or part of a name or email"
            onChange={(target) => onChange({ target })}
          />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${id}-from`} className="text-sm font-medium">
              From (UTC)
            </label>
            <input
              id={`${id}-from`}
              type="datetime-local"
              value={state.from}
              onChange={(event) => onChange({ from: event.target.value })}
              aria-describedby={`${id}-range`}
              className={`${fixedWidthInput} w-56`}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${id}-to`} className="text-sm font-medium">
              To (UTC, not included)
            </label>
            <input
              id={`${id}-to`}
              type="datetime-local"
              value={state.to}
              onChange={(event) => onChange({ to: event.target.value })}
              aria-describedby={`${id}-range`}
              aria-invalid={rangeProblem ? true : undefined}
              className={`${fixedWidthInput} w-56`}
            />
          </div>
          <ChoiceFilter
            label="Outcome"
            anyLabel="Any outcome"
            value={state.outcome ?? null}
            choices={auditOutcomes}
            onChange={(outcome: AuditOutcomeName | null) => onChange({ outcome })}
          />
          <div className="ml-auto flex gap-2">
            {hasFilters ? (
              <Button variant="ghost" onClick={onClear}>
                <X aria-hidden className="size-4" />
                Clear filters
              </Button>
            ) : null}
            <a
              href={auditExportUrl(toAuditFilterQuery(state))}
              download
              data-testid="audit-export"
              className="inline-flex h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
            >
              <Download aria-hidden className="size-4" />
              Export CSV
            </a>
          </div>
        </div>
        <p id={`${id}-range`} aria-live="polite" className="text-xs text-slate-500 dark:text-slate-400">
          {rangeProblem ? (
            <span className="font-medium text-amber-700 dark:text-amber-400">{rangeProblem}</span>
          ) : (
            "Times are in UTC, like every time the console stores. The export holds every row that matches, not just this page."
          )}
        </p>
      </div>
    </div>
  );
}
