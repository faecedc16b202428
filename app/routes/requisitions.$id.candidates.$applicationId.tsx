// The candidate page: why this applicant scored as they did (area scores with their evidence
// highlighted in the résumé text), gaps, background, timeline, notes, stage decisions and history,
// the original file, and previous/next in the table's order. Identity follows blind review.
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { useState } from "react";
import { roleAllows, STAGE_MOVES } from "@server/auth/permissions.ts";
import type { ProcessingStatus } from "@server/generated/prisma/enums.ts";
import { CandidateNotes } from "~/components/candidate/candidate-notes.tsx";
import { CandidatePager } from "~/components/candidate/candidate-pager.tsx";
import { DuplicatesPanel } from "~/components/candidate/duplicates-panel.tsx";
import { OcrBadge, OcrReviewPanel } from "~/components/candidate/ocr-notice.tsx";
import { ExperienceAndEducation, GapsAndFlags, SkillsFound } from "~/components/candidate/candidate-facts.tsx";
import { ResumeText } from "~/components/candidate/resume-text.tsx";
import { DIMENSION_LABELS, ScoreBreakdown } from "~/components/candidate/score-breakdown.tsx";
import { StageButtons, StageHistory } from "~/components/candidate/stage-controls.tsx";
import { ErrorPanel } from "~/components/error-panel.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { StageBadge } from "~/components/stage-badge.tsx";
import { StatusBadge } from "~/components/status-badge.tsx";
import { auditActor, clientIp, requireApplicationPermission } from "~/lib/auth.server.ts";
import {
  addNote,
  candidateDuplicates,
  candidateNavigation,
  candidateNotFound,
  changeStage,
  getCandidate,
  MAX_NOTE_LENGTH,
  MAX_REVEAL_REASON,
  MIN_REVEAL_REASON,
  recordIdentitySeen,
  retryParse,
  revealIdentity,
  tableQueryFrom,
} from "~/lib/candidate.server.ts";
import { IdentityReveals, RevealContact } from "~/components/candidate/reveal-contact.tsx";
import { FailureActions } from "~/components/candidate/failure-actions.tsx";
import { getPrisma } from "~/lib/db.server.ts";
import { isRetryableFailure } from "@server/candidates/retryable-failures.ts";
import { markReviewed, replaceResumeFile } from "~/lib/ocr-review.server.ts";
import { isAppError } from "@server/errors/app-error.ts";
import { bandLabel, formatBytes, formatYears, plural, scanStatusWords } from "~/lib/format.ts";
import { useLiveRevalidation } from "~/lib/use-live-revalidation.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { NoteFormSchema } from "@server/candidates/notes.ts";
import { StageChangeSchema } from "~/forms/stage-change.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { user, application } = await requireApplicationPermission(request, params.applicationId, "view");
  if (application.requisitionId !== params.id) candidateNotFound();
  const db = getPrisma();
  const { query, valid } = tableQueryFrom(request);
  const [candidate, navigation] = await Promise.all([
    getCandidate(db, { requisitionId: application.requisitionId, applicationId: application.id, viewerId: user.id }),
    candidateNavigation(db, application.requisitionId, application.id, query),
  ]);
  if (!candidate) candidateNotFound();
  // Blind review: a shortlisted candidate's identity, once shown, stays shown to this person (audited once).
  await recordIdentitySeen(db, auditActor(user), [
    { ...candidate.application, blindReview: candidate.requisition.blindReview },
  ]);
  // Duplicates in this requisition, merged files, and the same person elsewhere (blind-review aware).
  const duplicates = await candidateDuplicates(db, {
    applicationId: application.id,
    viewer: user,
    identityShown: candidate.identity.visible,
  });
  return {
    candidate,
    duplicates,
    navigation,
    tableQueryValid: valid,
    can: {
      stage: roleAllows(user.role, "stage"),
      /** Which stage buttons to show: hiring managers shortlist or reject candidates in screening. */
      stageMoves: STAGE_MOVES[user.role],
      notes: roleAllows(user.role, "notes"),
      download: roleAllows(user.role, "download"),
      retry: roleAllows(user.role, "upload"),
      /** "Reveal contact for this file" (blind review, unreadable file): those who chase files. */
      reveal: roleAllows(user.role, "upload"),
      erase: roleAllows(user.role, "erase"),
    },
    maxNoteLength: MAX_NOTE_LENGTH,
    revealReason: { min: MIN_REVEAL_REASON, max: MAX_REVEAL_REASON },
  };
}

type ActionResult =
  | { intent: "stage"; ok: boolean; error?: string; changed?: number }
  | { intent: "note"; ok: boolean; error?: string; reply: SubmissionResult<string[]> }
  | { intent: "retry"; ok: boolean; error?: string }
  | { intent: "mark-reviewed"; ok: boolean; error?: string }
  | { intent: "replace"; ok: boolean; error?: string }
  | { intent: "reveal"; ok: boolean; error?: string }
  | { intent: "unknown"; ok: false; error: string };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const viewer = await requireApplicationPermission(request, params.applicationId, "view");
  if (viewer.application.requisitionId !== params.id) candidateNotFound();
  const form = await request.formData();
  const intent = form.get("intent");
  const db = getPrisma();
  const ip = clientIp(request, context);

  if (intent === "stage") {
    const { user, application } = await requireApplicationPermission(request, params.applicationId, "stage");
    const submission = parseWithZod(form, { schema: StageChangeSchema });
    if (submission.status !== "success") {
      const error = submission.error?.toStage?.[0] ?? "Choose a stage.";
      return data<ActionResult>({ intent, ok: false, error }, { status: 400 });
    }
    try {
      const result = await changeStage(db, auditActor(user), {
        requisitionId: application.requisitionId,
        applicationIds: [application.id],
        toStage: submission.value.toStage,
        ip,
      });
      return data<ActionResult>({ intent, ok: true, changed: result.changed });
    } catch (error) {
      // A move the role may not make (hiring managers: only shortlist or reject, from screening).
      if (!isAppError(error)) throw error;
      return data<ActionResult>({ intent, ok: false, error: error.message }, { status: error.status });
    }
  }

  if (intent === "note") {
    const { user, application } = await requireApplicationPermission(request, params.applicationId, "notes");
    const submission = parseWithZod(form, { schema: NoteFormSchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ intent, ok: false, reply: submission.reply() }, { status: 400 });
    }
    try {
      await addNote(db, { applicationId: application.id, authorId: user.id, body: submission.value.body });
      return data<ActionResult>({ intent, ok: true, reply: submission.reply({ resetForm: true }) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const reply = submission.reply({ fieldErrors: { body: [error.message] } });
      return data<ActionResult>({ intent, ok: false, error: error.message, reply }, { status: error.status });
    }
  }

  if (intent === "retry") {
    const { user, application } = await requireApplicationPermission(request, params.applicationId, "upload");
    const outcome = await retryParse(db, auditActor(user), application.id, application.requisitionId, ip);
    return data<ActionResult>(outcome.ok ? { intent, ok: true } : { intent, ok: false, error: outcome.message }, {
      status: outcome.ok ? 200 : 409,
    });
  }

  if (intent === "replace") {
    // "Upload a new version": the file failed for a reason a retry cannot fix, or OCR read it too
    // poorly to trust (audited, re-queued).
    const { user, application } = await requireApplicationPermission(request, params.applicationId, "upload");
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return data<ActionResult>(
        { intent, ok: false, error: "Choose the new file to upload. The previous file was kept." },
        { status: 400 },
      );
    }
    try {
      await replaceResumeFile(auditActor(user), {
        requisitionId: application.requisitionId,
        applicationId: application.id,
        file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        ip,
      });
      return data<ActionResult>({ intent, ok: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return data<ActionResult>({ intent, ok: false, error: error.message }, { status: error.status });
    }
  }

  if (intent === "mark-reviewed") {
    // A person compared the OCR text with the original file: clear the flag and rank it (audited).
    const { user, application } = await requireApplicationPermission(request, params.applicationId, "upload");
    try {
      await markReviewed(db, auditActor(user), {
        requisitionId: application.requisitionId,
        applicationId: application.id,
        ip,
      });
      return data<ActionResult>({ intent, ok: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return data<ActionResult>({ intent, ok: false, error: error.message }, { status: error.status });
    }
  }

  if (intent === "reveal") {
    // Blind review, unreadable file: show this one candidate's contact to this person (reason, audited).
    const { user, application } = await requireApplicationPermission(request, params.applicationId, "upload");
    const reason = form.get("reason");
    try {
      await revealIdentity(db, auditActor(user), {
        requisitionId: application.requisitionId,
        applicationId: application.id,
        reason: typeof reason === "string" ? reason : "",
        ip,
      });
      return data<ActionResult>({ intent, ok: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return data<ActionResult>({ intent, ok: false, error: error.message }, { status: error.status });
    }
  }

  return data<ActionResult>({ intent: "unknown", ok: false, error: "Unknown action." }, { status: 400 });
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => {
    const page = match.data as SerializeFrom<typeof loader> | undefined;
    return { label: page ? page.candidate.identity.label : "Candidate", to: match.pathname };
  },
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.candidate.identity.label} · ${loaderData.candidate.requisition.title} · MLE Screening`
      : "Candidate · MLE Screening",
  },
];

/** What each failure code means, in a recruiter's words (the stored message says what to ask for). */
const FAILURE_TITLES: Record<string, string> = {
  unsupported_type: "Not a résumé format we can read",
  empty: "The file is empty",
  encrypted: "The file is password-protected",
  corrupt: "The file is damaged",
  no_text: "Scanned or image-only PDF: it needs OCR or a text version",
  too_large: "The file is too large to read",
  timeout: "Reading the file took too long",
  internal: "Processing failed on our side",
};

const STATUS_WORDS: Record<Exclude<ProcessingStatus, "DONE" | "NEEDS_REVIEW" | "FAILED">, string> = {
  QUEUED: "Waiting for a worker to read this résumé.",
  PROCESSING: "Reading and scoring this résumé now.",
};

export default function CandidatePage() {
  const { candidate, duplicates, navigation, can, maxNoteLength, revealReason, tableQueryValid } =
    useLoaderData<typeof loader>();
  const { application, requisition, identity, scores } = candidate;
  const location = useLocation();
  const [selectedAreaId, setSelectedAreaId] = useState<string | null>(null);
  const working = application.status === "QUEUED" || application.status === "PROCESSING";
  useLiveRevalidation(working);

  const base = `/requisitions/${requisition.id}`;
  const self = `${base}/candidates/${application.id}`;
  const action = `${self}${location.search}`;
  const tableHref = `${base}${navigation.search}`;
  const hrefOf = (link: { id: string; search: string } | null) =>
    link ? `${base}/candidates/${link.id}${link.search}` : null;

  return (
    <div
      className="candidate-page"
      data-testid="candidate-page"
      data-identity={identity.visible ? "visible" : "hidden"}
    >
      <div className="candidate-topline">
        <CandidatePager
          previousHref={hrefOf(navigation.previous)}
          nextHref={hrefOf(navigation.next)}
          position={navigation.position}
          total={navigation.total}
          tableHref={tableHref}
        />
      </div>
      {!tableQueryValid ? (
        <p className="alert alert--warning small" role="status">
          This link had a table setting that is no longer valid; previous and next follow the table&apos;s default
          order.
        </p>
      ) : null}

      <header className="card candidate-header">
        <div className="candidate-header__identity">
          <div className="candidate-header__title-row">
            <h1 className="page-title" data-testid="candidate-name">
              {identity.label}
            </h1>
            <span data-testid="candidate-stage" data-stage={application.stage}>
              <StageBadge stage={application.stage} />
            </span>
            {/* QUEUED, PROCESSING, FAILED, or NEEDS_REVIEW (an OCR reading waiting for a person). */}
            {application.status !== "DONE" ? (
              <StatusBadge status={application.status} scanPages={application.scanPages} />
            ) : null}
            {candidate.resume ? (
              <OcrBadge textSource={candidate.resume.textSource} confidence={candidate.resume.ocrConfidence} />
            ) : null}
            {requisition.blindReview ? (
              <span className="badge badge--blind" title="This requisition uses blind review" data-testid="blind-badge">
                {!identity.visible
                  ? "Blind review · identity hidden"
                  : identity.revealed
                    ? "Blind review · identity shown to you"
                    : "Blind review · shortlisted, identity shown"}
              </span>
            ) : null}
          </div>
          <p className="candidate-header__facts">
            {[
              candidate.background?.label,
              candidate.yearsExperience !== null ? `${formatYears(candidate.yearsExperience)} years` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
            {candidate.background || candidate.yearsExperience !== null ? " · " : ""}
            uploaded <RelativeTime iso={application.uploadedAt} />
          </p>
          {identity.visible ? (
            <ul className="contact-list" data-testid="contact">
              {identity.email ? (
                <li>
                  <a href={`mailto:${identity.email}`}>{identity.email}</a>
                </li>
              ) : null}
              {identity.phone ? <li>{identity.phone}</li> : null}
              {identity.links.map((link) => (
                <li key={link}>
                  <a href={link} target="_blank" rel="noopener noreferrer nofollow">
                    {link.replace(/^https:\/\//, "")}
                  </a>
                </li>
              ))}
              {!identity.email &&
              !identity.phone &&
              identity.links.length === 0 &&
              (application.status === "DONE" || application.status === "NEEDS_REVIEW") ? (
                <li className="muted">No contact details found in the résumé</li>
              ) : null}
              {/* Also after "Reveal contact for this file": an unreadable file has only its name and bytes. */}
              {!identity.email && !identity.phone && identity.links.length === 0 && application.status === "FAILED" ? (
                <li className="muted" data-testid="contact-unreadable">
                  No contact details could be read from this file: only its name and the original file.
                </li>
              ) : null}
            </ul>
          ) : (
            <p className="muted small" data-testid="identity-hidden">
              Name, contact details, links, schools, places and the original file are hidden until the candidate is
              shortlisted.
            </p>
          )}
        </div>
        <div className="candidate-header__scores" data-testid="candidate-scores">
          {scores ? (
            <>
              <div className="score-tiles">
                <ScoreTile label="Overall" value={scores.overall} emphasis testId="score-overall" />
                <ScoreTile
                  label={DIMENSION_LABELS.production}
                  value={scores.production}
                  band={bandLabel(scores.production)}
                  testId="score-production"
                />
                <ScoreTile
                  label={DIMENSION_LABELS.ml}
                  value={scores.ml}
                  band={bandLabel(scores.ml)}
                  testId="score-ml"
                />
              </div>
              <p className="muted small score-tiles__version" data-testid="weights-version">
                Ranked with weights v{scores.weightsVersion}
              </p>
            </>
          ) : application.needsReview ? (
            <p className="muted small" data-testid="scores-held">
              Not ranked yet: OCR read this résumé with low confidence. Check the text, then mark it reviewed.
            </p>
          ) : (
            <p className="muted small">Scores appear once the résumé is read.</p>
          )}
        </div>
        <div className="candidate-header__actions">
          {can.stage ? (
            <StageButtons
              stage={application.stage}
              action={action}
              blindReview={requisition.blindReview}
              moves={can.stageMoves}
            />
          ) : null}
          <div className="candidate-header__secondary">
            {can.download && candidate.file.downloadable ? (
              <a className="button button--small" href={`${self}/file`} data-testid="download-file" download>
                Download original
                <span className="muted small">
                  {candidate.file.type ?? "file"} · {formatBytes(candidate.file.sizeBytes)}
                </span>
              </a>
            ) : can.download ? (
              <span className="muted small" title="The original file shows the candidate's identity">
                Original file hidden (blind review)
              </span>
            ) : null}
            {can.erase ? <EraseCandidate action={`${self}/erase`} /> : null}
          </div>
        </div>
      </header>

      {application.status === "FAILED" ? (
        <FailurePanel
          applicationId={application.id}
          code={application.failureCode}
          message={application.failureMessage}
          attempts={application.attempts}
          canRetry={can.retry}
          action={action}
          reveal={
            !identity.visible ? { allowed: can.reveal, minLength: revealReason.min, maxLength: revealReason.max } : null
          }
          revealedBy={candidate.reveals.find((reveal) => reveal.kind === "revealed")?.by ?? null}
        />
      ) : null}
      {working ? (
        <section className="card status-panel" role="status" data-testid="processing-panel">
          <StatusBadge status={application.status} scanPages={application.scanPages} />
          <p>
            {scanStatusWords(application.status, application.scanPages)?.sentence ??
              STATUS_WORDS[application.status as "QUEUED" | "PROCESSING"]}{" "}
            This page updates by itself when it is done.
          </p>
        </section>
      ) : null}

      {candidate.resume ? (
        <OcrReviewPanel
          textSource={candidate.resume.textSource}
          confidence={candidate.resume.ocrConfidence}
          needsReview={application.needsReview}
          fileHref={can.download && candidate.file.downloadable ? `${self}/file` : null}
          canReview={can.retry}
          action={action}
          applicationId={application.id}
        />
      ) : null}

      <DuplicatesPanel
        duplicates={duplicates}
        requisitionId={requisition.id}
        applicationId={application.id}
        canResolve={can.retry}
        canDownload={can.download}
      />

      {candidate.resume || application.status === "DONE" ? (
        <div className="candidate-grid">
          <div className="candidate-grid__main">
            <ScoreBreakdown
              areas={candidate.areas}
              dimensionScores={scores ? { production: scores.production, ml: scores.ml } : null}
              selectedAreaId={selectedAreaId}
              onSelectArea={setSelectedAreaId}
            />
            <GapsAndFlags candidate={candidate} />
            <ExperienceAndEducation candidate={candidate} />
            <SkillsFound candidate={candidate} />
          </div>
          <div className="candidate-grid__side">
            {candidate.resume ? (
              <ResumeText
                segments={candidate.resume.segments}
                areas={candidate.areas}
                selectedAreaId={selectedAreaId}
                onSelectArea={setSelectedAreaId}
                blind={!identity.visible}
              />
            ) : (
              <section className="card resume-panel">
                <p className="muted">No text was stored for this résumé.</p>
              </section>
            )}
          </div>
        </div>
      ) : null}

      <div className="candidate-activity">
        <CandidateNotes notes={candidate.notes} canWrite={can.notes} maxLength={maxNoteLength} action={action} />
        <StageHistory history={candidate.history} uploadedAt={application.uploadedAt} />
        <IdentityReveals reveals={candidate.reveals} />
      </div>
    </div>
  );
}

function ScoreTile({
  label,
  value,
  band,
  emphasis,
  testId,
}: {
  label: string;
  value: number;
  /** A dimension score's band in words (none, little, some, solid, strong), as in the table. */
  band?: string;
  emphasis?: boolean;
  testId: string;
}) {
  const rounded = Math.round(value);
  return (
    <div className={`score-tile${emphasis ? " score-tile--overall" : ""}`} data-testid={testId}>
      <span className="score-tile__label">{label}</span>
      <span className="score-tile__value">
        {rounded}
        {band ? (
          <span className="score-tile__band" data-testid={`${testId}-band`}>
            {band}
          </span>
        ) : null}
      </span>
      <span className="score-tile__bar" aria-hidden="true">
        <span className="score-tile__fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
    </div>
  );
}

function FailurePanel({
  applicationId,
  code,
  message,
  attempts,
  canRetry,
  action,
  reveal,
  revealedBy,
}: {
  applicationId: string;
  code: string | null;
  message: string | null;
  attempts: number;
  canRetry: boolean;
  action: string;
  /** Blind review hides who sent the file: "Reveal contact for this file" (null when identity is shown). */
  reveal: { allowed: boolean; minLength: number; maxLength: number } | null;
  /** Who has already revealed the contact for this file (the panel "Identity shown to" lists everyone). */
  revealedBy: string | null;
}) {
  const title = (code && FAILURE_TITLES[code]) ?? "This résumé could not be read";
  const fileProblem = !isRetryableFailure(code);
  return (
    // Wraps: on a phone the actions go under the text instead of pushing the page wider than the window.
    <section className="card failure-panel" role="alert" data-testid="failure-panel">
      <div className="failure-panel__text">
        <h2 className="failure-panel__title">
          {title} {code ? <code className="badge badge--code">{code}</code> : null}
        </h2>
        {message ? <p data-testid="failure-message">{message}</p> : null}
        <p className="muted small">
          {plural(attempts, "attempt")} so far.
          {!fileProblem
            ? " This was a problem on our side or a slow moment: a retry usually helps."
            : reveal?.allowed
              ? " Reading the same file again would fail the same way. Blind review hides who sent it: reveal the" +
                " contact for this file to ask them for another copy, then upload it here. The previous file is kept."
              : reveal
                ? " Reading the same file again would fail the same way, and blind review hides who sent it."
                : " Reading the same file again would fail the same way: ask the candidate for another file and upload it here. The previous file is kept."}
        </p>
        {fileProblem && reveal && !reveal.allowed ? (
          <p className="muted small" data-testid="reveal-ask-recruiter">
            {revealedBy
              ? `${revealedBy} has revealed the contact for this file to ask for another copy (see "Identity shown to" below).`
              : "A recruiter on this requisition can reveal the contact for this file and ask for another copy."}
          </p>
        ) : null}
        {/* Under the sentence that asks for it (a third column would not fit a phone). */}
        {reveal?.allowed ? (
          <RevealContact action={action} minLength={reveal.minLength} maxLength={reveal.maxLength} />
        ) : null}
      </div>
      {/* Retry or "Upload a new version", as on each failed file of an upload's progress view. */}
      {canRetry ? <FailureActions applicationId={applicationId} code={code} action={action} /> : null}
    </section>
  );
}

function EraseCandidate({ action }: { action: string }) {
  return (
    <details className="erase" data-testid="erase">
      <summary className="button button--small button--danger-outline">Erase candidate…</summary>
      <div className="erase__panel" role="group" aria-label="Confirm erasure">
        <p className="small">
          This permanently deletes the candidate&apos;s file, résumé text, scores, notes and stage history. The audit
          log keeps only that an erasure happened. It cannot be undone.
        </p>
        <Form method="post" action={action} className="erase__form">
          <label className="erase__confirm small">
            <input type="checkbox" name="confirm" value="yes" required /> I understand this cannot be undone
          </label>
          <button type="submit" className="button button--small button--danger" data-testid="erase-confirm">
            Erase permanently
          </button>
        </Form>
      </div>
    </details>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const requisitionPath = location.pathname.split("/candidates/")[0] ?? "/requisitions";
  return (
    <ErrorPanel
      error={error}
      actions={
        <>
          <Link to={`${requisitionPath}${location.search}`} className="button button--primary">
            Back to the candidates
          </Link>
          <Link to="/requisitions" className="button">
            All requisitions
          </Link>
        </>
      }
    />
  );
}
