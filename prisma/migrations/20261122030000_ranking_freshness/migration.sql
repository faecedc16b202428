-- The candidates table asks "is any scored application ranked with an older weights version?"
-- on every load (server/candidates/list-candidates.ts storedScoresAreCurrent). This partial
-- index answers it with one probe. Prisma's schema language cannot express partial indexes, so
-- it lives only here (see the comment on Application in schema.prisma).
CREATE INDEX "Application_scored_weightsVersion_idx" ON "Application" ("requisitionId", "weightsVersion") WHERE status = 'DONE';

-- Score and experience columns sort high-to-low with unscored rows last (DESC NULLS LAST). A
-- plain index read backwards gives DESC NULLS FIRST, so the most common sort of the table
-- (best first) needs these to be an index scan instead of a sort of the whole requisition.
CREATE INDEX "Application_requisitionId_overallScore_desc_idx" ON "Application" ("requisitionId", "overallScore" DESC NULLS LAST);
CREATE INDEX "Application_requisitionId_productionScore_desc_idx" ON "Application" ("requisitionId", "productionScore" DESC NULLS LAST);
CREATE INDEX "Application_requisitionId_mlScore_desc_idx" ON "Application" ("requisitionId", "mlScore" DESC NULLS LAST);
CREATE INDEX "Application_requisitionId_yearsExperience_desc_idx" ON "Application" ("requisitionId", "yearsExperience" DESC NULLS LAST);
