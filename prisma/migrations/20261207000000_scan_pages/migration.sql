-- A scan waiting for OCR says so (issue 17 follow-up): the pages a first, text-only reading found
-- without text, so the table, the upload view and the candidate page can tell a scan waiting
-- behind the text résumés from a file no worker has reached yet.
ALTER TABLE "Application" ADD COLUMN "scanPages" INTEGER;
