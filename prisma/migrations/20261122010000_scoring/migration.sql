-- AlterTable
ALTER TABLE "Requisition" ADD COLUMN     "weights" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "weightsVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "areaScores" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
ADD COLUMN     "gaps" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "meetsMinYears" BOOLEAN,
ADD COLUMN     "missingMustHaves" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "skillIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "weightsVersion" INTEGER;

-- AlterTable
ALTER TABLE "ResumeAnalysis" ADD COLUMN     "facts" JSONB;

-- CreateTable
CREATE TABLE "RequisitionWeightsVersion" (
    "id" TEXT NOT NULL,
    "requisitionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequisitionWeightsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RequisitionWeightsVersion_requisitionId_version_key" ON "RequisitionWeightsVersion"("requisitionId", "version");

-- AddForeignKey
ALTER TABLE "RequisitionWeightsVersion" ADD CONSTRAINT "RequisitionWeightsVersion_requisitionId_fkey" FOREIGN KEY ("requisitionId") REFERENCES "Requisition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

