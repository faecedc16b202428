-- Scans and photos read by OCR (issue 17): PNG and JPEG uploads, where each analysis's text came
-- from and how sure OCR was, and the applications a person must check before they are ranked.
ALTER TYPE "FileType" ADD VALUE IF NOT EXISTS 'PNG';
ALTER TYPE "FileType" ADD VALUE IF NOT EXISTS 'JPEG';

ALTER TABLE "ResumeAnalysis" ADD COLUMN "textSource" TEXT NOT NULL DEFAULT 'text',
  ADD COLUMN "ocrConfidence" DOUBLE PRECISION;

ALTER TABLE "Application" ADD COLUMN "needsReview" BOOLEAN NOT NULL DEFAULT false;

-- The "needs review" filter and count of a requisition read only the few flagged rows.
CREATE INDEX "Application_requisitionId_needsReview_idx" ON "Application" ("requisitionId") WHERE "needsReview";
