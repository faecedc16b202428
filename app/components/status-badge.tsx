import type { ProcessingStatus } from "@server/generated/prisma/enums.ts";
import { scanStatusWords, STATUS_LABELS } from "~/lib/format.ts";

/** A processing state; a scan waiting for OCR or being read by it says so ("Waiting for OCR"). */
export function StatusBadge({ status, scanPages }: { status: ProcessingStatus; scanPages?: number | null }) {
  const scan = scanStatusWords(status, scanPages);
  return (
    <span
      className={`badge badge--status-${status.toLowerCase()}`}
      data-testid="status-badge"
      data-status={status}
      data-scan={scan ? "true" : undefined}
      title={scan?.sentence}
    >
      {status === "PROCESSING" ? <span className="spinner" aria-hidden="true" /> : null}
      {scan?.label ?? STATUS_LABELS[status]}
    </span>
  );
}
