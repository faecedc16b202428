-- "Needs review" becomes a processing state of its own (issue 17): a résumé OCR read with low
-- confidence, waiting for a person, between PROCESSING and DONE. PostgreSQL cannot use a new enum
-- value in the transaction that adds it: the flagged rows move in the next migration.
ALTER TYPE "ProcessingStatus" ADD VALUE IF NOT EXISTS 'NEEDS_REVIEW' BEFORE 'DONE';
