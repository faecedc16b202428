import type { ProcessingStatus } from "@server/generated/prisma/enums.ts";
import { STATUS_LABELS } from "~/lib/format.ts";

export function StatusBadge({ status }: { status: ProcessingStatus }) {
  return (
    <span className={`badge badge--status-${status.toLowerCase()}`} data-testid="status-badge" data-status={status}>
      {status === "PROCESSING" ? <span className="spinner" aria-hidden="true" /> : null}
      {STATUS_LABELS[status]}
    </span>
  );
}
