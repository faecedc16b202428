-- Duplicate detection and merging (server/candidates/duplicates.ts, merge-candidates.ts).

-- Files of applications merged into another application are kept there.
ALTER TABLE "ResumeFile" ADD COLUMN "mergedIntoApplicationId" TEXT,
ADD COLUMN "mergedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DuplicateFlag" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "reasons" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keptBothAt" TIMESTAMP(3),
    "keptBothById" TEXT,

    CONSTRAINT "DuplicateFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DuplicateFlag_matchId_idx" ON "DuplicateFlag"("matchId");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateFlag_applicationId_matchId_key" ON "DuplicateFlag"("applicationId", "matchId");

-- CreateIndex
CREATE INDEX "Application_candidateId_idx" ON "Application"("candidateId");

-- CreateIndex
CREATE INDEX "ResumeFile_mergedIntoApplicationId_idx" ON "ResumeFile"("mergedIntoApplicationId");

-- AddForeignKey
ALTER TABLE "ResumeFile" ADD CONSTRAINT "ResumeFile_mergedIntoApplicationId_fkey" FOREIGN KEY ("mergedIntoApplicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateFlag" ADD CONSTRAINT "DuplicateFlag_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateFlag" ADD CONSTRAINT "DuplicateFlag_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The worker looks a new candidate's e-mail and phone up among the others (Prisma's schema language
-- cannot express these): e-mail case-insensitively, phone by its last ten digits.
CREATE INDEX "Candidate_email_lower_idx" ON "Candidate" (lower("email")) WHERE "email" IS NOT NULL;
CREATE INDEX "Candidate_phone_digits_idx" ON "Candidate" (right(regexp_replace("phone", '\D', '', 'g'), 10))
  WHERE "phone" IS NOT NULL;
