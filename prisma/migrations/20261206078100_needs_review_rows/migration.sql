-- Applications flagged by the former "needsReview" column (migration 20261206040000_ocr_text_source)
-- take the NEEDS_REVIEW state; the state replaces the column (and its partial index: the filter and
-- the count now read the index on ("requisitionId", status, id)).
UPDATE "Application" SET status = 'NEEDS_REVIEW' WHERE "needsReview" AND status = 'DONE';

DROP INDEX IF EXISTS "Application_requisitionId_needsReview_idx";
ALTER TABLE "Application" DROP COLUMN "needsReview";
