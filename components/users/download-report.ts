import { ApiError } from "@/lib/queries/fetch-json";
import type { ErrorEnvelope } from "@/lib/api/errors";

export interface DownloadedFile {
  fileName: string;
  bytes: number;
}

function fileNameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const envelope = (await response.json().catch(() => null)) as ErrorEnvelope | null;
  const error = envelope?.error;
  return new ApiError(
    response.status,
    error?.code ?? "internal",
    error?.message ?? `The console answered ${response.status}.`,
    undefined,
    error?.retryAfter,
    error?.requestId,
  );
}

/**
 * Reads a report as it streams in (so the page can show the bytes received for a large organization),
 * then hands it to the browser as a normal file download under the server's dated file name.
 */
export async function downloadReport(
  url: string,
  fallbackName: string,
  /** Called per chunk with the bytes so far and the chunk itself (the accounts export counts rows in it). */
  onProgress: (bytes: number, chunk: Uint8Array) => void,
  signal: AbortSignal,
): Promise<DownloadedFile> {
  const response = await fetch(url, { signal, headers: { Accept: "text/csv, application/json" } });
  if (!response.ok) throw await errorFrom(response);
  const fileName = fileNameFrom(response, fallbackName);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      onProgress(bytes, value);
    }
  }
  const blob = new Blob(chunks, { type: response.headers.get("content-type") ?? "application/octet-stream" });
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the blob by now; give it time before the memory is let go.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { fileName, bytes };
}
