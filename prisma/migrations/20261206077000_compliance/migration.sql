-- Fairness monitoring (issue 16): a compliance role that sees only the fairness screens, and
-- voluntary self-identification kept in its own table, one row per application. Only
-- server/fairness reads it (docs/fairness.md); deleting the application deletes it.
ALTER TYPE "Role" ADD VALUE 'COMPLIANCE';

CREATE TABLE "SelfIdentification" (
    "applicationId" TEXT NOT NULL,
    "sex" TEXT,
    "raceEthnicity" TEXT,
    "source" TEXT NOT NULL,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfIdentification_pkey" PRIMARY KEY ("applicationId")
);

ALTER TABLE "SelfIdentification" ADD CONSTRAINT "SelfIdentification_applicationId_fkey" FOREIGN KEY ("applicationId")
  REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SelfIdentification" ADD CONSTRAINT "SelfIdentification_recordedById_fkey" FOREIGN KEY ("recordedById")
  REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
