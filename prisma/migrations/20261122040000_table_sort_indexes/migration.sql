-- Sorting the candidates table by processing state or stage groups tens of thousands of rows per
-- value; with the id tie-breaker in the index the page is read in order instead of sorted.
DROP INDEX IF EXISTS "Application_requisitionId_status_idx";
CREATE INDEX "Application_requisitionId_status_id_idx" ON "Application" ("requisitionId", "status", "id");
DROP INDEX IF EXISTS "Application_requisitionId_stage_idx";
CREATE INDEX "Application_requisitionId_stage_id_idx" ON "Application" ("requisitionId", "stage", "id");
-- Fewest years first (the DESC NULLS LAST index of 20261122030000 serves most years first).
CREATE INDEX "Application_requisitionId_yearsExperience_id_idx" ON "Application" ("requisitionId", "yearsExperience", "id");
-- Names Z→A with unnamed rows last.
CREATE INDEX "Application_requisitionId_displayName_desc_idx" ON "Application" ("requisitionId", "displayName" DESC NULLS LAST);
-- Skill search in the table (skillIds && ARRAY[…]).
CREATE INDEX "Application_skillIds_idx" ON "Application" USING GIN ("skillIds");
