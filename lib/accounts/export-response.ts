// The accounts export as a download: the first page is read before answering (a failure up to then is
// our error envelope), then one page per read of the client (and one on its way), so memory stays at two
// pages for any fleet.
// The export's report.export row is completed when the stream ends, fails or is cancelled.
import "server-only";
import { failureOf, type OpenAudit } from "@/lib/api/route-audit";
import type { AuditCompletion } from "@/lib/db/audit";
import { log } from "@/lib/log";
import type { AccountExportQuery } from "@/lib/schemas/account-export";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { createCsvFormulaGuardStream } from "@/lib/users/csv-formula-guard";
import { accountExportFileName, exportWriters } from "./export-format";
import { accountPages } from "./export-pages";

/**
 * The row count goes into the target label, which completing a row may fill (the intent leaves it empty):
 * the request summary is frozen at intent by the audit trail's append-only rule.
 */
function withRowCount(completion: AuditCompletion, rows: number): AuditCompletion {
  const label = `Accounts export: ${rows} ${rows === 1 ? "row" : "rows"}`;
  return {
    ...completion,
    target: { label: completion.outcome === "success" ? label : `${label} before it stopped` },
  };
}

/**
 * `signal` is the request's: a person who cancels before the first page arrives never reads the body, so
 * the stream's own cancel would never run and the row would stay pending.
 */
export async function accountExportResponse(
  query: AccountExportQuery,
  audit: OpenAudit,
  signal?: AbortSignal,
): Promise<Response> {
  const writer = exportWriters[query.format];
  const encoder = new TextEncoder();
  const pages = accountPages(query);
  let rows = 0;
  const stopOnAbort = async () => {
    await audit.finish(withRowCount({ outcome: "failure", errorCode: "cancelled" }, rows));
    await pages.return(undefined);
  };
  signal?.addEventListener("abort", () => void stopOnAbort(), { once: true });
  // One page ahead of the reader, never more: while the person's browser takes page n, page n+1 is on its
  // way from Telnyx, so the export takes about pages × Telnyx's latency instead of that plus our share of
  // every round trip. Its failure surfaces on the read that wants it (until then it is only parked).
  const fetchPage = () => {
    const page = pages.next();
    page.catch(() => undefined);
    return page;
  };
  let ahead: Promise<IteratorResult<ManagedAccount[], void>> = fetchPage();
  await ahead;
  let isHeadSent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await ahead;
          if (!next.done) ahead = fetchPage();
          const head = isHeadSent ? "" : writer.head;
          isHeadSent = true;
          if (next.done) {
            controller.enqueue(encoder.encode(head + writer.tail));
            await audit.finish(withRowCount({ outcome: "success" }, rows));
            log.info("accounts export finished", { rows, format: query.format });
            controller.close();
            return;
          }
          const text = next.value.map((account, index) => writer.row(account, rows + index)).join("");
          rows += next.value.length;
          controller.enqueue(encoder.encode(head + text));
        } catch (error) {
          // Errored, not closed: the download breaks instead of ending short and looking whole.
          log.warn("accounts export broke mid-stream", { rows, detail: String(error) });
          await audit.finish(withRowCount(failureOf(error), rows));
          controller.error(error);
        }
      },
      // The person cancelled or the connection dropped: nothing was delivered whole.
      cancel: stopOnAbort,
    },
    { highWaterMark: 0 },
  );
  return new Response(query.format === "csv" ? body.pipeThrough(createCsvFormulaGuardStream()) : body, {
    headers: {
      "Content-Type": writer.contentType,
      "Content-Disposition": `attachment; filename="${accountExportFileName(query.format)}"`,
      // A download, never to be sniffed into something the browser would render.
      "X-Content-Type-Options": "nosniff",
    },
  });
}
