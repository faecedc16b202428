import type { ReactNode } from "react";
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

/** A failure the recruiter must see: the code as a badge beside the status, the explanation as text. */
export function FailureReason({
  code,
  message,
  children,
}: {
  code: string | null;
  message: string | null;
  children?: ReactNode;
}) {
  return (
    <div className="failure" data-testid="failure-reason">
      <div className="failure__badges">
        {children}
        {code ? <code className="badge badge--code">{code}</code> : null}
      </div>
      {message ? (
        <span className="failure__message" title={message}>
          {message}
        </span>
      ) : null}
    </div>
  );
}
