-- The table asks "how many of this requisition's résumés were read by an older screening version?"
-- on every load (server/candidates/count-rereading.ts); in the steady state the answer is none, and
-- this index makes that two empty range scans instead of a walk of every analysis.
CREATE INDEX "ResumeAnalysis_parserVersion_idx" ON "ResumeAnalysis"("parserVersion");
