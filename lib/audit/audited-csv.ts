// A CSV download streamed as the client reads (one batch per pull, so memory stays flat for any size) whose
// audit row is completed when the stream ends: success at the end, failure if it breaks or is cancelled.
import "server-only";
import { failureOf, type OpenAudit } from "@/lib/api/route-audit";
import { log } from "@/lib/log";

export interface AuditedCsv {
  fileName: string;
  header: string;
  /** The next batch of lines, or null when there is nothing left. */
  nextLines: () => Promise<string | null>;
  audit: OpenAudit;
  /** For the log line when the stream breaks. */
  what: string;
  onEnd?: () => void;
  onCancel?: () => Promise<unknown>;
}

export function auditedCsvResponse(csv: AuditedCsv): Response {
  const encoder = new TextEncoder();
  let isHeaderSent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!isHeaderSent) {
            isHeaderSent = true;
            controller.enqueue(encoder.encode(csv.header));
            return;
          }
          const lines = await csv.nextLines();
          if (lines === null) {
            await csv.audit.finish({ outcome: "success" });
            csv.onEnd?.();
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(lines));
        } catch (error) {
          log.warn(`${csv.what} broke mid-stream`, { detail: String(error) });
          await csv.audit.finish(failureOf(error));
          controller.error(error);
        }
      },
      async cancel() {
        await csv.audit.finish({ outcome: "failure", errorCode: "cancelled" });
        await csv.onCancel?.();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
