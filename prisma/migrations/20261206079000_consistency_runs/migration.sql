-- The consistency check as a background job (issue 16, docs/fairness.md): one row per run of a
-- requisition, started by a compliance user or an admin, with its state, counts, share identical
-- and the résumés that moved (application ids and the cue that moved them; never text or names).

-- CreateEnum
CREATE TYPE "ConsistencyRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "ConsistencyRun" (
    "id" TEXT NOT NULL,
    "requisitionId" TEXT NOT NULL,
    "startedById" TEXT,
    "status" "ConsistencyRunStatus" NOT NULL DEFAULT 'QUEUED',
    "resumes" INTEGER NOT NULL DEFAULT 0,
    "checked" INTEGER NOT NULL DEFAULT 0,
    "identical" INTEGER NOT NULL DEFAULT 0,
    "variants" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "shareIdentical" DOUBLE PRECISION,
    "moved" JSONB NOT NULL DEFAULT '[]',
    "scorerVersion" TEXT NOT NULL,
    "weightsVersion" INTEGER NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsistencyRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsistencyRun_requisitionId_createdAt_idx" ON "ConsistencyRun"("requisitionId", "createdAt");

-- CreateIndex
CREATE INDEX "ConsistencyRun_status_createdAt_idx" ON "ConsistencyRun"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "ConsistencyRun" ADD CONSTRAINT "ConsistencyRun_requisitionId_fkey" FOREIGN KEY ("requisitionId") REFERENCES "Requisition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsistencyRun" ADD CONSTRAINT "ConsistencyRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

