// What produced a stored analysis: the reader (server/extraction, server/resume) and the scorer
// (server/taxonomy, server/scoring). When either changes, applications read by an older version
// are re-read and re-scored in the background, and the table says so while it happens.
import { PARSER_VERSION } from "../extraction/parser-version.ts";
import { SCORING_VERSION } from "../scoring/scoring-version.ts";

export const SCREENING_VERSION = `${PARSER_VERSION}+scoring.${SCORING_VERSION}`;
