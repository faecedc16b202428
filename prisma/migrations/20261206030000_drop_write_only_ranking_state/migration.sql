-- Write-only ranking state (issue 11). Gaps, must-have and minimum-years flags depend on the
-- requisition's current weights: they are computed from the stored area scores on every read
-- (server/ranking/gaps-and-flags.ts), so the copies written at parse time were never read and
-- went stale after a weight change.
ALTER TABLE "Application" DROP COLUMN "gaps", DROP COLUMN "missingMustHaves", DROP COLUMN "meetsMinYears";
-- For the same reason ResumeAnalysis.result keeps what the résumé says (contact, skills, area scores
-- with evidence, background, years, degree) without the weight-dependent scores and gaps; the shown
-- scores are the Application score columns or the SQL formula (server/ranking/shown-scores.ts).
UPDATE "ResumeAnalysis" SET "result" = "result" - 'scores' - 'gaps' WHERE "result" ? 'scores' OR "result" ? 'gaps';
