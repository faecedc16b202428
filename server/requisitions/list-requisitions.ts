// Requisitions with their applications counted by processing status and by stage.
import { PROCESSING_STATES, STAGES, zeroCounts } from "../contract/vocabulary.ts";
import type { Db } from "../db/client.ts";
import type { ProcessingStatus, RequisitionStatus, Stage } from "../generated/prisma/enums.ts";

export interface RequisitionSummary {
  id: string;
  title: string;
  team: string | null;
  location: string | null;
  status: RequisitionStatus;
  createdAt: Date;
  total: number;
  byStatus: Record<ProcessingStatus, number>;
  byStage: Record<Stage, number>;
}

const emptyStatus = () => zeroCounts(PROCESSING_STATES);
const emptyStage = () => zeroCounts(STAGES);

/** Every requisition, or with `memberId` only those that user is a member of (recruiters, hiring managers). */
export async function listRequisitions(db: Db, options: { memberId?: string } = {}): Promise<RequisitionSummary[]> {
  const where = options.memberId ? { members: { some: { userId: options.memberId } } } : {};
  const [requisitions, counts] = await Promise.all([
    db.requisition.findMany({
      where,
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: { id: true, title: true, team: true, location: true, status: true, createdAt: true },
    }),
    db.application.groupBy({
      by: ["requisitionId", "status", "stage"],
      where: options.memberId ? { requisition: where } : {},
      _count: { _all: true },
    }),
  ]);
  const summaries = new Map<string, RequisitionSummary>(
    requisitions.map((r) => [r.id, { ...r, total: 0, byStatus: emptyStatus(), byStage: emptyStage() }]),
  );
  for (const row of counts) {
    const summary = summaries.get(row.requisitionId);
    if (!summary) continue;
    summary.total += row._count._all;
    summary.byStatus[row.status] += row._count._all;
    summary.byStage[row.stage] += row._count._all;
  }
  return [...summaries.values()];
}
