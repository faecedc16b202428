// One page of a requisition's candidates, sorted by the server. Scores and facts used for
// sorting are columns of Application (copied from the analysis) so each sort is an index scan.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ProcessingStatus, Stage } from "../generated/prisma/enums.ts";
import type { CandidateSort, CandidatesQuery } from "./candidates-query.ts";

export interface CandidateRow {
  id: string;
  name: string | null;
  fileName: string;
  status: ProcessingStatus;
  failureCode: string | null;
  failureMessage: string | null;
  stage: Stage;
  productionScore: number | null;
  mlScore: number | null;
  overallScore: number | null;
  yearsExperience: number | null;
  highestDegree: string | null;
  background: string | null;
  /** Area ids of the weakest areas the requisition cares about, most important first. */
  gaps: string[];
  /** Must-have skill ids this candidate does not show (empty when none are set or all are met). */
  missingMustHaves: string[];
  /** null when the requisition sets no minimum years (or the résumé is not scored yet). */
  meetsMinYears: boolean | null;
  /** The requisition weights version these scores were ranked with; null until scored. */
  weightsVersion: number | null;
  uploadedAt: string;
  processedAt: string | null;
}

export interface CandidatesPage {
  rows: CandidateRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Counts over the whole requisition, so the page knows whether work is still running. */
  statusCounts: Record<ProcessingStatus, number>;
}

type Order = Prisma.ApplicationOrderByWithRelationInput;

function orderFor(sort: CandidateSort, dir: "asc" | "desc"): Order[] {
  const nullsLast = (field: keyof Order): Order => ({ [field]: { sort: dir, nulls: "last" } }) as Order;
  const primary: Order = (() => {
    switch (sort) {
      case "name":
        return nullsLast("displayName");
      case "overall":
        return nullsLast("overallScore");
      case "production":
        return nullsLast("productionScore");
      case "ml":
        return nullsLast("mlScore");
      case "years":
        return nullsLast("yearsExperience");
      case "status":
        return { status: dir };
      case "stage":
        return { stage: dir };
      case "uploaded":
        return { createdAt: dir };
    }
  })();
  // A unique tie-breaker keeps pages stable when many rows share a value.
  return [primary, { id: dir }];
}

export async function listCandidates(
  db: Db,
  requisitionId: string,
  query: CandidatesQuery,
): Promise<CandidatesPage> {
  const where = { requisitionId };
  // One grouped count gives both the per-status counts and the total.
  const grouped = await db.application.groupBy({ by: ["status"], where, _count: { _all: true } });
  const statusCounts: Record<ProcessingStatus, number> = { QUEUED: 0, PROCESSING: 0, DONE: 0, FAILED: 0 };
  for (const row of grouped) statusCounts[row.status] = row._count._all;
  const total = grouped.reduce((sum, row) => sum + row._count._all, 0);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const applications = await db.application.findMany({
    where,
    orderBy: orderFor(query.sort, query.dir),
    skip: (page - 1) * query.pageSize,
    take: query.pageSize,
    select: {
      id: true,
      displayName: true,
      status: true,
      failureCode: true,
      failureMessage: true,
      stage: true,
      productionScore: true,
      mlScore: true,
      overallScore: true,
      yearsExperience: true,
      highestDegree: true,
      background: true,
      gaps: true,
      missingMustHaves: true,
      meetsMinYears: true,
      weightsVersion: true,
      createdAt: true,
      processedAt: true,
      candidate: { select: { name: true } },
      resumeFile: { select: { originalName: true } },
    },
  });
  return {
    rows: applications.map((a) => ({
      id: a.id,
      name: a.candidate.name,
      fileName: a.resumeFile.originalName,
      status: a.status,
      failureCode: a.failureCode,
      failureMessage: a.failureMessage,
      stage: a.stage,
      productionScore: a.productionScore,
      mlScore: a.mlScore,
      overallScore: a.overallScore,
      yearsExperience: a.yearsExperience,
      highestDegree: a.highestDegree,
      background: a.background,
      gaps: a.gaps,
      missingMustHaves: a.missingMustHaves,
      meetsMinYears: a.meetsMinYears,
      weightsVersion: a.weightsVersion,
      uploadedAt: a.createdAt.toISOString(),
      processedAt: a.processedAt?.toISOString() ?? null,
    })),
    total,
    page,
    pageCount,
    pageSize: query.pageSize,
    statusCounts,
  };
}
