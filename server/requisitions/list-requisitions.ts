// Requisitions with their applications counted by processing status and by stage, and their team
// (the recruiters and hiring managers who are members). Filtered by a search (title, team name,
// location or a team member's name) and by open/closed; the filters come from the list's URL.
import { z } from "zod";
import { PROCESSING_STATES, STAGES, zeroCounts } from "../contract/vocabulary.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ProcessingStatus, RequisitionStatus, Role, Stage } from "../generated/prisma/enums.ts";
import { TEAM_ROLES } from "./list-team.ts";

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
  /** Recruiters first, then hiring managers, by name. */
  members: Array<{ id: string; name: string; role: Role }>;
}

/** The list's filters, from its query string (`?q=ranking&status=open`). */
export const RequisitionListQuerySchema = z.object({
  q: z.string().trim().max(100, "Search for at most 100 characters").catch(""),
  status: z.enum(["all", "open", "closed"]).catch("all"),
});
export type RequisitionListQuery = z.infer<typeof RequisitionListQuerySchema>;

const emptyStatus = () => zeroCounts(PROCESSING_STATES);
const emptyStage = () => zeroCounts(STAGES);

function whereOf(options: { memberId?: string; query?: Partial<RequisitionListQuery> }): Prisma.RequisitionWhereInput {
  const and: Prisma.RequisitionWhereInput[] = [];
  if (options.memberId) and.push({ members: { some: { userId: options.memberId } } });
  const status = options.query?.status ?? "all";
  if (status !== "all") and.push({ status: status === "open" ? "OPEN" : "CLOSED" });
  const q = options.query?.q?.trim();
  if (q) {
    // Prisma passes `contains` to ILIKE as is: escape its wildcards so "%" or "_" are plain characters.
    const contains = { contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
    and.push({
      OR: [
        { title: contains },
        { team: contains },
        { location: contains },
        { members: { some: { user: { name: contains, role: { in: [...TEAM_ROLES] } } } } },
      ],
    });
  }
  return and.length > 0 ? { AND: and } : {};
}

/**
 * Every requisition, or with `memberId` only those that user is a member of (recruiters, hiring
 * managers); `query` narrows by search and open/closed.
 */
export async function listRequisitions(
  db: Db,
  options: { memberId?: string; query?: Partial<RequisitionListQuery> } = {},
): Promise<RequisitionSummary[]> {
  const where = whereOf(options);
  const requisitions = await db.requisition.findMany({
    where,
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      team: true,
      location: true,
      status: true,
      createdAt: true,
      members: {
        where: { user: { role: { in: [...TEAM_ROLES] } } },
        select: { user: { select: { id: true, name: true, role: true } } },
      },
    },
  });
  const counts = await db.application.groupBy({
    by: ["requisitionId", "status", "stage"],
    where: { requisitionId: { in: requisitions.map((r) => r.id) } },
    _count: { _all: true },
  });
  const summaries = new Map<string, RequisitionSummary>(
    requisitions.map(({ members, ...r }) => [
      r.id,
      {
        ...r,
        total: 0,
        byStatus: emptyStatus(),
        byStage: emptyStage(),
        members: members
          .map((m) => m.user)
          .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "RECRUITER" ? -1 : 1)),
      },
    ]),
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
