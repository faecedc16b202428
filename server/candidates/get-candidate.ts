// Everything the candidate page shows about one application, already filtered for blind review:
// when identity is hidden, no name, contact, link, school, place or file name leaves this module
// (the résumé text comes back as segments with those parts replaced by labels).
import { spanMatchesText } from "../contract/span-matches-text.ts";
import type { Db } from "../db/client.ts";
import type { FileType, ProcessingStatus, Stage } from "../generated/prisma/enums.ts";
import { weightsFromJson } from "../ranking/weights-from-json.ts";
import type { ResumeFacts } from "../resume/extract-resume-facts.ts";
import type { RoleKind } from "../resume/find-experience.ts";
import { BACKGROUNDS } from "../scoring/backgrounds.ts";
import { compileWeights, toAreaVector } from "../ranking/score-formula.ts";
import { gapsAndFlags } from "../ranking/gaps-and-flags.ts";
import { readShownScores, storedScoresAreCurrent } from "../ranking/shown-scores.ts";
import { areaWeight } from "../ranking/weights-schema.ts";
import {
  StoredScreeningResultSchema,
  type Background,
  type Dimension,
  type StoredScreeningResult,
} from "../contract/screening-result.ts";
import { AREA_IDS, AREAS, getArea, getSkill } from "../taxonomy/index.ts";
import { anonymousLabel, identityVisible } from "../privacy/blind-review.ts";
import { isRevealedTo, listIdentityReveals, type IdentityReveal } from "../privacy/identity-reveal.ts";
import { identityRanges, maskedSegments, plainSegments, type TextSegment } from "./mask-identity.ts";
import { listNotes, type NoteView } from "./notes.ts";

export interface EvidenceSpan {
  start: number;
  end: number;
}

export interface AreaBreakdown {
  id: string;
  dimension: Dimension;
  name: string;
  guideLabel: string;
  description: string;
  citation: string;
  score: number;
  /** The requisition's weight for this area (0 = ignored, 1 = default). */
  weight: number;
  evidence: EvidenceSpan[];
}

export interface CandidateDetail {
  application: {
    id: string;
    requisitionId: string;
    stage: Stage;
    status: ProcessingStatus;
    failureCode: string | null;
    failureMessage: string | null;
    attempts: number;
    /** Pages found scanned by a first, text-only reading: the file waits for OCR (null: none). */
    scanPages: number | null;
    uploadedAt: string;
    processedAt: string | null;
    stageChangedAt: string | null;
    /** Status NEEDS_REVIEW: OCR read the résumé with low confidence, not ranked until a person checks it (docs/extraction.md §6). */
    needsReview: boolean;
  };
  requisition: { id: string; title: string; blindReview: boolean; weightsVersion: number };
  identity: {
    visible: boolean;
    /** Shown to this viewer only (seen while shortlisted, or revealed for an unreadable file). */
    revealed: boolean;
    /** The name, or a neutral label when hidden (or when no name was found). */
    label: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    links: string[];
    fileName: string | null;
  };
  file: { type: FileType | null; sizeBytes: number; downloadable: boolean };
  /** Under blind review: who keeps seeing this candidate's identity, and why (the whole team sees this list). */
  reveals: IdentityReveal[];
  /** Scores and the weights version they were ranked with (null until the résumé is scored). */
  scores: { overall: number; production: number; ml: number; weightsVersion: number } | null;
  yearsExperience: number | null;
  highestDegree: string | null;
  background: { id: Background; label: string; typicalGap: string; citation: string } | null;
  areas: AreaBreakdown[];
  /** Flags and gaps from the stored area scores under the requisition's current weights. */
  ranking: {
    weightsVersion: number;
    gaps: Array<{ id: string; name: string; guideLabel: string; score: number }>;
    mustHaves: Array<{ id: string; name: string; met: boolean }>;
    missingMustHaves: Array<{ id: string; name: string }>;
    niceToHaves: Array<{ id: string; name: string; met: boolean }>;
    minYears: number | null;
    meetsMinYears: boolean | null;
  } | null;
  skills: Array<{ id: string; name: string; dimension: Dimension; area: string; areaName: string }>;
  experience: Array<{
    title: string | null;
    organisation: string | null;
    start: string;
    end: string;
    kind: RoleKind;
    months: number;
    span: EvidenceSpan;
  }>;
  education: Array<{
    level: string;
    degree: string;
    field: string | null;
    institution: string | null;
    completed: boolean;
    span: EvidenceSpan;
  }>;
  resume: {
    format: FileType;
    pageCount: number | null;
    parserVersion: string;
    /** Where the text came from: "text", "ocr" (a scan or photo) or "mixed"; for the "OCR" badge. */
    textSource: string;
    /** Mean OCR confidence (0–100); null when no page was read by OCR. */
    ocrConfidence: number | null;
    length: number;
    segments: TextSegment[];
    /** How many pieces of the text blind review hides. */
    hiddenCount: number;
  } | null;
  notes: NoteView[];
  history: Array<{
    id: string;
    fromStage: Stage;
    toStage: Stage;
    at: string;
    by: { name: string; email: string } | null;
  }>;
}

export async function getCandidate(
  db: Db,
  input: { requisitionId: string; applicationId: string; viewerId?: string | null },
): Promise<CandidateDetail | null> {
  const row = await db.application.findUnique({
    where: { id: input.applicationId },
    select: {
      id: true,
      requisitionId: true,
      stage: true,
      status: true,
      failureCode: true,
      failureMessage: true,
      attempts: true,
      scanPages: true,
      createdAt: true,
      processedAt: true,
      stageChangedAt: true,
      displayName: true,
      yearsExperience: true,
      highestDegree: true,
      background: true,
      areaScores: true,
      skillIds: true,
      requisition: { select: { id: true, title: true, blindReview: true, weights: true, weightsVersion: true } },
      candidate: { select: { name: true, email: true, phone: true } },
      resumeFile: { select: { originalName: true, detectedType: true, sizeBytes: true } },
      analysis: {
        select: {
          text: true,
          facts: true,
          result: true,
          format: true,
          pageCount: true,
          parserVersion: true,
          textSource: true,
          ocrConfidence: true,
        },
      },
      stageChanges: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          fromStage: true,
          toStage: true,
          createdAt: true,
          by: { select: { name: true, email: true } },
        },
      },
    },
  });
  if (!row || row.requisitionId !== input.requisitionId) return null;

  const shortlistRule = identityVisible(row.requisition.blindReview, row.stage);
  const revealed = !shortlistRule && (await isRevealedTo(db, input.viewerId, row.id));
  const visible = identityVisible(row.requisition.blindReview, row.stage, revealed);
  const analysis = row.analysis;
  const text = analysis?.text ?? "";
  const result = parseResult(analysis?.result);
  const facts = readFacts(analysis?.facts);
  // Read: DONE, or NEEDS_REVIEW (read by OCR, its text and areas shown while it waits for a person;
  // its shown scores are null, as the ranking skips it).
  const done = row.status === "DONE" || row.status === "NEEDS_REVIEW";

  // Area scores: the stored vector re-ranking reads, else the analysis (older rows).
  const stored =
    row.areaScores.length === AREA_IDS.length
      ? row.areaScores
      : Array.from(toAreaVector(Object.fromEntries((result?.areas ?? []).map((a) => [a.id, a.score]))));
  const weights = weightsFromJson(row.requisition.weights);
  const evidenceByArea = new Map((result?.areas ?? []).map((area) => [area.id, validSpans(text, area.evidence)]));
  const areas: AreaBreakdown[] = AREAS.map((area, index) => ({
    id: area.id,
    dimension: area.dimension,
    name: area.name,
    guideLabel: area.guideLabel,
    description: area.description,
    citation: area.citation,
    score: Math.round((stored[index] ?? 0) * 10) / 10,
    weight: areaWeight(weights, area.id),
    evidence: evidenceByArea.get(area.id) ?? [],
  }));

  const skillIds = row.skillIds.length > 0 ? row.skillIds : (result?.skills.map((s) => s.id) ?? []);
  const compiled = compileWeights(weights);
  const ranked = done
    ? gapsAndFlags({ areaScores: stored, skillIds, yearsExperience: row.yearsExperience }, compiled)
    : null;
  const ranking = ranked
    ? (() => {
        const skillName = (id: string) => getSkill(id)?.name ?? id;
        return {
          weightsVersion: row.requisition.weightsVersion,
          gaps: ranked.gaps.map((id) => {
            const area = getArea(id)!;
            return { id, name: area.name, guideLabel: area.guideLabel, score: stored[AREA_IDS.indexOf(id)] ?? 0 };
          }),
          mustHaves: weights.mustHave.map((id) => ({ id, name: skillName(id), met: skillIds.includes(id) })),
          missingMustHaves: ranked.missingMustHaves.map((id) => ({ id, name: skillName(id) })),
          niceToHaves: weights.niceToHave.map((id) => ({ id, name: skillName(id), met: skillIds.includes(id) })),
          minYears: weights.minYears,
          meetsMinYears: ranked.meetsMinYears,
        };
      })()
    : null;

  const backgroundId = (row.background ?? result?.background ?? null) as Background | null;
  const background = backgroundId && BACKGROUNDS[backgroundId] ? { ...BACKGROUNDS[backgroundId] } : null;

  const hidden = visible || !facts ? [] : identityRanges(text, facts);
  const segments = visible ? plainSegments(text) : facts ? maskedSegments(text, hidden) : [];
  const name = row.candidate.name ?? result?.contact?.name ?? null;

  // The scores the table shows and sorts by (server/ranking/shown-scores.ts), under the current weights.
  const [notes, shown] = await Promise.all([
    listNotes(db, row.id),
    done
      ? storedScoresAreCurrent(db, row.requisitionId, row.requisition.weightsVersion).then((fresh) =>
          readShownScores(db, row.id, { compiled, fresh }),
        )
      : null,
  ]);

  return {
    application: {
      id: row.id,
      requisitionId: row.requisitionId,
      stage: row.stage,
      status: row.status,
      failureCode: row.failureCode,
      failureMessage: row.failureMessage,
      attempts: row.attempts,
      scanPages: row.scanPages,
      uploadedAt: row.createdAt.toISOString(),
      processedAt: row.processedAt?.toISOString() ?? null,
      needsReview: row.status === "NEEDS_REVIEW",
      stageChangedAt: row.stageChangedAt?.toISOString() ?? null,
    },
    requisition: {
      id: row.requisition.id,
      title: row.requisition.title,
      blindReview: row.requisition.blindReview,
      weightsVersion: row.requisition.weightsVersion,
    },
    identity: visible
      ? {
          visible,
          revealed,
          label: name ?? row.displayName ?? row.resumeFile.originalName,
          name,
          email: row.candidate.email ?? result?.contact?.email ?? null,
          phone: row.candidate.phone ?? result?.contact?.phone ?? null,
          links: result?.contact?.links ?? facts?.contact.links.map((l) => l.value) ?? [],
          fileName: row.resumeFile.originalName,
        }
      : {
          visible,
          revealed,
          label: anonymousLabel(row.id),
          name: null,
          email: null,
          phone: null,
          links: [],
          fileName: null,
        },
    file: { type: row.resumeFile.detectedType, sizeBytes: row.resumeFile.sizeBytes, downloadable: visible },
    reveals: row.requisition.blindReview ? await listIdentityReveals(db, row.id) : [],
    scores: shown ? { ...shown, weightsVersion: row.requisition.weightsVersion } : null,
    yearsExperience: row.yearsExperience,
    highestDegree: row.highestDegree,
    background,
    areas,
    ranking,
    skills: (result?.skills ?? []).map((skill) => ({
      id: skill.id,
      name: skill.name,
      dimension: skill.dimension,
      area: skill.area,
      areaName: getArea(skill.area)?.name ?? skill.area,
    })),
    experience: (facts?.experience ?? []).map((role) => ({
      title: role.title?.text ?? null,
      organisation: role.organisation?.text ?? null,
      start: role.start,
      end: role.end,
      kind: role.kind,
      months: role.months,
      span: { start: role.span.start, end: role.span.end },
    })),
    education: (facts?.education ?? []).map((entry) => ({
      level: entry.level,
      degree: entry.degree.text,
      field: entry.field?.text ?? null,
      institution: visible ? (entry.institution?.text ?? null) : null,
      completed: entry.completed,
      span: { start: entry.degree.start, end: (entry.field ?? entry.degree).end },
    })),
    resume:
      analysis && text
        ? {
            format: analysis.format,
            pageCount: analysis.pageCount,
            parserVersion: analysis.parserVersion,
            textSource: analysis.textSource,
            ocrConfidence: analysis.ocrConfidence,
            length: text.length,
            segments,
            hiddenCount: hidden.length,
          }
        : null,
    notes,
    history: row.stageChanges.map((change) => ({
      id: change.id,
      fromStage: change.fromStage,
      toStage: change.toStage,
      at: change.createdAt.toISOString(),
      by: change.by,
    })),
  };
}

function parseResult(json: unknown): StoredScreeningResult | null {
  if (!json) return null;
  const parsed = StoredScreeningResultSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The stored facts, if they have the shape this page reads (older analyses may not). */
function readFacts(json: unknown): ResumeFacts | null {
  if (!json || typeof json !== "object") return null;
  const facts = json as Partial<ResumeFacts>;
  if (
    !facts.contact ||
    !Array.isArray(facts.sections) ||
    !Array.isArray(facts.experience) ||
    !Array.isArray(facts.education)
  ) {
    return null;
  }
  return facts as ResumeFacts;
}

/** Spans that still point at their text in the stored text (a later re-parse may have moved it). */
function validSpans(text: string, spans: ReadonlyArray<{ text: string; start: number; end: number }>): EvidenceSpan[] {
  return spans
    .filter((span) => spanMatchesText(text, span))
    .map((span) => ({ start: span.start, end: withContinuation(text, span.end) }))
    .sort((a, b) => a.start - b.start);
}

/**
 * Evidence is scored per line; a bullet wrapped over several lines ("…serving 40k requests" /
 * "per second at p99 under 35 ms.") reads as one, so the highlight covers its continuation
 * lines: a line that does not end a sentence, followed by one that starts in lower case or
 * with a digit (at most three).
 */
function withContinuation(text: string, end: number): number {
  let at = end;
  for (let i = 0; i < 3 && text[at] === "\n"; i++) {
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    if (/[.;:!?]\s*$/.test(text.slice(lineStart, at))) break;
    const nextEnd = text.indexOf("\n", at + 1) === -1 ? text.length : text.indexOf("\n", at + 1);
    if (!/^[\p{Ll}\d]/u.test(text.slice(at + 1, nextEnd))) break;
    at = nextEnd;
  }
  return at;
}
