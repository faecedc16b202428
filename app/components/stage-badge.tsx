import type { Stage } from "@server/generated/prisma/enums.ts";
import { STAGE_LABELS } from "~/lib/format.ts";

export function StageBadge({ stage }: { stage: Stage }) {
  return (
    <span className={`badge badge--stage-${stage.toLowerCase()}`} data-testid="stage-badge">
      {STAGE_LABELS[stage]}
    </span>
  );
}
