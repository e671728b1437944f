"use client";

import { Download, Loader2 } from "lucide-react";
import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { usePermission } from "@/components/shell/staff-context";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { CancelDownloadButton, DownloadStatus, formatBytes } from "@/components/ui/download-status";
import type { reportFormats } from "@/lib/schemas/org-users";

type ReportFormat = (typeof reportFormats)[number];

type DownloadState =
  { phase: "idle"; note: string } | { phase: "downloading"; format: ReportFormat; bytes: number };

const today = () => new Date().toISOString().slice(0, 10);

/** CSV and JSON buttons for the users-and-groups report, with bytes received while it streams. */
export function GroupsReportDownloads() {
  const { allowed, reason } = usePermission("users.export");
  const [state, setState] = useState<DownloadState>({ phase: "idle", note: "" });
  const [controller, setController] = useState<AbortController | null>(null);
  const isBusy = state.phase === "downloading";

  async function start(format: ReportFormat) {
    const abort = new AbortController();
    setController(abort);
    setState({ phase: "downloading", format, bytes: 0 });
    try {
      // The streaming download code is fetched at the first click, not with the users page.
      const { downloadReport } = await import("./download-report");
      const file = await downloadReport(
        `/api/org-users/groups-report?format=${format}`,
        `users-groups-${today()}.${format}`,
        (bytes) => setState({ phase: "downloading", format, bytes }),
        abort.signal,
      );
      setState({ phase: "idle", note: `Saved ${file.fileName} (${formatBytes(file.bytes)}).` });
      toast.success(`Report saved as ${file.fileName}`);
    } catch (error) {
      const isCancelled = error instanceof DOMException && error.name === "AbortError";
      const message = isCancelled
        ? "Download cancelled."
        : `The report could not be downloaded: ${error instanceof Error ? error.message : "unknown error"}`;
      setState({ phase: "idle", note: message });
      if (!isCancelled) toast.error(message);
    } finally {
      setController(null);
    }
  }

  const buttons = (["csv", "json"] as const).map((format) => (
    <Button
      key={format}
      variant="secondary"
      onClick={() => start(format)}
      disabled={!allowed || isBusy}
      data-testid={`download-report-${format}`}
    >
      {isBusy && state.format === format ? (
        <Loader2 aria-hidden className="size-4 animate-spin" />
      ) : (
        <Download aria-hidden className="size-4" />
      )}
      {format.toUpperCase()} report
    </Button>
  ));

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2" role="group" aria-label="Users and groups report">
        {allowed ? buttons : <DisabledReason reason={reason}>{buttons}</DisabledReason>}
        {isBusy ? <CancelDownloadButton onCancel={() => controller?.abort()} /> : null}
      </div>
      <DownloadStatus
        testId="report-status"
        text={
          isBusy
            ? `Downloading the ${state.format.toUpperCase()} report… ${formatBytes(state.bytes)} received`
            : state.note
        }
      />
    </div>
  );
}
