"use client";

import { useQuery } from "@tanstack/react-query";
import { Download, Loader2 } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "@/lib/queries/notify";
import { Button } from "@/components/ui/button";
import { CancelDownloadButton, DownloadStatus, formatBytes } from "@/components/ui/download-status";
import { inputClassName } from "@/components/ui/input";
import type { ExportFormat } from "@/lib/accounts/export-rows";
import { accountListOptions, toSearch } from "@/lib/queries/managed-accounts";
import type { AccountListStateApi } from "./use-account-list-state";

type ExportState =
  | { phase: "idle"; note: string }
  | { phase: "downloading"; format: ExportFormat; bytes: number; rows: number };

const today = () => new Date().toISOString().slice(0, 10);
const plural = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "account" : "accounts"}`;

/**
 * "Export N accounts": every account of the current view (its filters, tab and sort; not just this page)
 * as CSV or JSON, with the bytes and rows received while it streams, and Cancel.
 */
export function ExportAccounts({ list }: { list: AccountListStateApi }) {
  const formatId = useId();
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [state, setState] = useState<ExportState>({ phase: "idle", note: "" });
  const [controller, setController] = useState<AbortController | null>(null);
  // The same query as the table's, so this reads its cache: N is the view's total.
  const accounts = useQuery(accountListOptions(list.query));
  const total = accounts.isPlaceholderData ? undefined : accounts.data?.meta.totalResults;
  const isBusy = state.phase === "downloading";

  async function start() {
    const abort = new AbortController();
    // The whole view: its filters, tab and sort, every page.
    const params = new URLSearchParams(toSearch(list.query));
    params.delete("page");
    params.delete("pageSize");
    params.set("format", format);
    setController(abort);
    setState({ phase: "downloading", format, bytes: 0, rows: 0 });
    try {
      // The streaming download and row counting are fetched at the first export, not with the list.
      const [{ downloadReport }, { createRowCounter }] = await Promise.all([
        import("@/components/users/download-report"),
        import("@/lib/accounts/export-rows"),
      ]);
      const counter = createRowCounter(format);
      let rows = 0;
      const file = await downloadReport(
        `/api/managed-accounts/export?${params}`,
        `subdesk-accounts-${today()}.${format}`,
        (bytes, chunk) => {
          rows = counter.push(chunk);
          setState({ phase: "downloading", format, bytes, rows });
        },
        abort.signal,
      );
      const note = `Saved ${file.fileName}: ${plural(rows)}, ${formatBytes(file.bytes)}.`;
      setState({ phase: "idle", note });
      toast.success(note);
    } catch (error) {
      const isCancelled = error instanceof DOMException && error.name === "AbortError";
      const message = isCancelled
        ? "Export cancelled."
        : `The export failed, nothing was saved: ${error instanceof Error ? error.message : "unknown error"}`;
      setState({ phase: "idle", note: message });
      if (!isCancelled) toast.error(message);
    } finally {
      setController(null);
    }
  }

  return (
    <div className="flex flex-col gap-1 sm:items-end">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export accounts">
        <label htmlFor={formatId} className="sr-only">
          Export format
        </label>
        <select
          id={formatId}
          value={format}
          disabled={isBusy}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
          className={`${inputClassName.replace("w-full", "")} h-10 w-20`}
          data-testid="export-format"
        >
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </select>
        <Button
          variant="secondary"
          onClick={() => void start()}
          disabled={isBusy || total === 0}
          data-testid="export-accounts"
        >
          {isBusy ? (
            <Loader2 aria-hidden className="size-4 animate-spin" />
          ) : (
            <Download aria-hidden className="size-4" />
          )}
          {total === undefined ? "Export accounts" : `Export ${plural(total)}`}
        </Button>
        {isBusy ? <CancelDownloadButton onCancel={() => controller?.abort()} testId="export-cancel" /> : null}
      </div>
      <DownloadStatus
        testId="export-status"
        text={
          isBusy
            ? `Exporting ${state.format.toUpperCase()}… ${state.rows.toLocaleString("en")}${total === undefined ? "" : ` of ${total.toLocaleString("en")}`} rows, ${formatBytes(state.bytes)} received`
            : state.note
        }
      />
    </div>
  );
}
