-- The requisition's job posting (issue 15): pasted or read from a file, shown under "Role
-- description", and the source of a drafted set of ranking weights. A weights version records
-- whether it was drafted from the posting (origin) and what the manager accepted and rejected.
CREATE TABLE "JobPosting" (
    "requisitionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "fileName" TEXT,
    "uploadedById" TEXT,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobPosting_pkey" PRIMARY KEY ("requisitionId")
);

ALTER TABLE "JobPosting" ADD CONSTRAINT "JobPosting_requisitionId_fkey" FOREIGN KEY ("requisitionId")
  REFERENCES "Requisition"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JobPosting" ADD CONSTRAINT "JobPosting_uploadedById_fkey" FOREIGN KEY ("uploadedById")
  REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "RequisitionWeightsVersion" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'editor',
  ADD COLUMN "review" JSONB;
