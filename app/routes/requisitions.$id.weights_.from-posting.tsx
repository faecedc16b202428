// Draft the ranking from the job posting: the posting beside its draft (server/jd), each
// suggestion with the lines it came from marked; the hiring manager accepts or rejects each one
// and watches the live preview, then saves a new weights version that records it was drafted from
// the posting and who accepted it. Without a posting the page asks for one (paste or upload).
// Reading needs "view" (like the editor); adding the posting and saving need "weights".
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { draftRequisition } from "@server/jd/draft-requisition.ts";
import { applyReview, listSuggestions, type DraftSuggestion } from "@server/jd/review-draft.ts";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import { weightsFromJson } from "@server/ranking/weights-from-json.ts";
import type { RequisitionWeights } from "@server/ranking/weights-schema.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { EmptyState } from "~/components/empty-state.tsx";
import { PostingFields, type PostingFieldErrors } from "~/components/posting-fields.tsx";
import { markAnchor, PostingText, type PostingMark } from "~/components/posting-text.tsx";
import { PreviewPane } from "~/components/ranking-preview.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { auditActor, clientIp, requireRequisitionAccess } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { getJobPosting, postingFromForm, receivePostingForm, saveJobPosting } from "~/lib/job-posting.server.ts";
import { LEAN_LABELS, UNSCORED_LABELS, WARNING_LABELS } from "~/lib/posting-labels.ts";
import { editorCatalog, enqueueRerank, updateRequisitionWeights } from "~/lib/weights.server.ts";
import type { loader as previewLoader } from "./requisitions.$id.weights_.preview.tsx";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { requisition, can } = await requireRequisitionAccess(request, params.id, "view");
  const posting = await getJobPosting(getPrisma(), requisition.id);
  const saved = { weights: weightsFromJson(requisition.weights), version: requisition.weightsVersion };
  const { areas, skills } = editorCatalog();
  if (!posting) {
    return {
      requisition: { id: requisition.id, title: requisition.title },
      canSave: can.weights,
      saved,
      posting: null,
    };
  }
  // Pure and deterministic: the same posting always gives the same draft, so the save recomputes it.
  const draft = draftRequisition(posting.text);
  const suggestions = listSuggestions(draft);
  const named = new Set(
    suggestions.flatMap((s) => (s.kind === "mustHave" || s.kind === "niceToHave" ? [s.value] : [])),
  );
  return {
    requisition: { id: requisition.id, title: requisition.title },
    canSave: can.weights,
    saved,
    posting: { ...posting, uploadedAt: posting.uploadedAt.toISOString() },
    draft: { weights: draft.weights, lean: draft.lean, warnings: draft.warnings, unscored: draft.unscored },
    suggestions,
    areas: areas.map(({ id, name, dimension }) => ({ id, name, dimension })),
    skillNames: Object.fromEntries(
      skills.filter((skill) => named.has(skill.id)).map((skill) => [skill.id, skill.name]),
    ),
  };
}

type ActionData =
  | { intent: "posting"; errors: PostingFieldErrors; formError?: undefined }
  | { intent: "save"; formError: string; errors?: undefined };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { user, requisition } = await requireRequisitionAccess(request, params.id, "weights");
  const db = getPrisma();
  let form;
  try {
    form = await receivePostingForm(request);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return postingError(error);
  }
  const intent = form.formData.get("intent");
  if (intent === "posting") {
    try {
      const posting = await postingFromForm(form, { required: true });
      await saveJobPosting(db, requisition.id, posting!, { actor: auditActor(user), ip: clientIp(request, context) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return postingError(error);
    }
    return redirect(`/requisitions/${requisition.id}/weights/from-posting`);
  }

  // Save: the draft is read again from the stored posting; the browser only says which suggestions it rejected.
  const posting = await getJobPosting(db, requisition.id);
  if (!posting) return saveError(new AppError("conflict", "There is no job posting to draft from: add one first."));
  if (form.formData.get("postingUploadedAt") !== posting.uploadedAt.toISOString()) {
    return saveError(
      new AppError(
        "conflict",
        "The job posting was replaced while you reviewed it. Nothing was saved: review the new draft below.",
      ),
    );
  }
  const draft = draftRequisition(posting.text);
  const ids = listSuggestions(draft).map((suggestion) => suggestion.id);
  const accepted = new Set(form.formData.getAll("accept").map(String));
  const rejected = ids.filter((id) => !accepted.has(id));
  const weights = applyReview(draft, weightsFromJson(requisition.weights), new Set(rejected));
  try {
    await updateRequisitionWeights(db, requisition.id, weights, {
      rerank: { enqueue: enqueueRerank },
      actor: auditActor(user),
      ip: clientIp(request, context),
      fromPosting: {
        review: {
          accepted: ids.filter((id) => accepted.has(id)),
          rejected,
          postingFileName: posting.fileName,
          postingUploadedAt: posting.uploadedAt.toISOString(),
        },
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return saveError(error);
  }
  return redirect(`/requisitions/${requisition.id}/weights`);
}

function postingError(error: AppError) {
  const errors: PostingFieldErrors = {};
  for (const issue of error.issues) {
    if (issue.path === "postingText" || issue.path === "postingFile") errors[issue.path] ??= issue.message;
  }
  if (!errors.postingText && !errors.postingFile) errors.postingText = error.message;
  return data<ActionData>({ intent: "posting", errors }, { status: error.status });
}

function saveError(error: AppError) {
  return data<ActionData>({ intent: "save", formError: error.message }, { status: error.status });
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => [
    { label: "Tune ranking", to: match.pathname.replace(/\/from-posting$/, "") },
    { label: "Draft from the job posting", to: match.pathname },
  ],
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: loaderData
      ? `Draft from the job posting · ${loaderData.requisition.title} · MLE Screening`
      : "Draft from the job posting · MLE Screening",
  },
];

const percent = (value: number) => `${Math.round(value * 100)}%`;
const years = (value: number | null) => (value === null ? "none" : `${value} ${value === 1 ? "year" : "years"}`);

/** The editor's fields as a query string: what the preview route parses (app/forms/weights.ts). */
function previewQuery(weights: RequisitionWeights, areaIds: readonly string[]): string {
  const query = new URLSearchParams();
  query.set("productionWeight", String(weights.productionWeight));
  query.set("balanceStrictness", String(weights.balanceStrictness));
  query.set("gapAsymmetry", String(weights.gapAsymmetry));
  const areaWeights = weights.areaWeights as Record<string, number | undefined>;
  for (const id of areaIds) query.set(`areaWeights.${id}`, String(areaWeights[id] ?? 1));
  for (const skill of weights.mustHave) query.append("mustHave", skill);
  for (const skill of weights.niceToHave) query.append("niceToHave", skill);
  query.set("minYears", weights.minYears === null ? "" : String(weights.minYears));
  query.set("minDegree", weights.minDegree ?? "");
  return query.toString();
}

export default function DraftFromPosting() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { requisition, canSave, posting } = loaderData;
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Draft from the job posting</h1>
          <p className="page-subtitle">
            {posting
              ? "Every suggestion comes with the lines of the posting it was read from. Accept or reject each one, watch the preview, then save."
              : `Add the posting of ${requisition.title}: the ranking weights, must-haves and minimums are drafted from it for you to review.`}
          </p>
        </div>
        <Link to={`/requisitions/${requisition.id}/weights`} className="button">
          Back to the editor
        </Link>
      </div>
      {posting ? (
        <Review key={posting.uploadedAt} actionData={actionData} />
      ) : canSave ? (
        <PostingForm errors={actionData?.errors} open />
      ) : (
        <EmptyState title="No job posting yet" testId="no-posting">
          <p>Hiring managers and admins add the posting and draft the ranking from it.</p>
        </EmptyState>
      )}
    </>
  );
}

function PostingForm({ errors, open }: { errors?: PostingFieldErrors; open: boolean }) {
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "posting";
  const body = (
    <Form method="post" encType="multipart/form-data" className="form posting-form" data-testid="posting-form">
      <input type="hidden" name="intent" value="posting" />
      <PostingFields errors={errors} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={sending} data-testid="posting-submit">
          {sending ? "Reading…" : "Read the posting"}
        </button>
      </div>
    </Form>
  );
  if (open) {
    return (
      <section className="card" aria-labelledby="posting-form-heading">
        <h2 id="posting-form-heading" className="card__title">
          Role description
        </h2>
        {body}
      </section>
    );
  }
  return (
    <details className="card posting-replace" open={Boolean(errors)}>
      <summary data-testid="posting-replace">Replace the posting</summary>
      {body}
    </details>
  );
}

type ReviewData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { draft: unknown }>;

function Review({ actionData }: { actionData?: ActionData }) {
  const { requisition, canSave, saved, posting, draft, suggestions, areas, skillNames } = useLoaderData<
    typeof loader
  >() as ReviewData;
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(() => new Set(suggestions.map((s) => s.id)));
  const [active, setActive] = useState<string | null>(null);
  const areaIds = useMemo(() => areas.map((area) => area.id), [areas]);
  const areaName = (id: string) => areas.find((area) => area.id === id)?.name ?? id;
  const skillName = (id: string) => skillNames[id] ?? id;
  const rejected = useMemo(
    () => new Set(suggestions.filter((s) => !accepted.has(s.id)).map((s) => s.id)),
    [suggestions, accepted],
  );
  const weights = useMemo(() => applyReview(draft, saved.weights, rejected), [draft, saved.weights, rejected]);

  // Live preview: the weights the review gives, through the editor's preview route, debounced.
  const preview = useFetcher<typeof previewLoader>();
  const load = useRef(preview.load);
  load.current = preview.load;
  const query = previewQuery(weights, areaIds);
  const [requested, setRequested] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(
      () => {
        load.current(`/requisitions/${requisition.id}/weights/preview?${query}`);
        setRequested(query);
      },
      requested === null ? 0 : 250,
    );
    return () => clearTimeout(timer);
    // `requested` only decides the first delay.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-run only when the weights change
  }, [query, requisition.id]);
  const fresh = requested === query && preview.state === "idle" && preview.data !== undefined;

  const label = (s: DraftSuggestion): string => {
    switch (s.kind) {
      case "lean":
        return `Role lean: ${LEAN_LABELS[draft.lean].label}`;
      case "area":
        return `${areaName(s.area!)}: ${Number(s.value).toFixed(2)}`;
      case "mustHave":
        return `Must-have: ${skillName(String(s.value))}`;
      case "niceToHave":
        return `Nice-to-have: ${skillName(String(s.value))}`;
      case "minYears":
        return `Minimum ${years(Number(s.value))}`;
    }
  };

  const marks = useMemo<PostingMark[]>(() => {
    const all: PostingMark[] = [];
    for (const s of suggestions) {
      for (const span of s.spans) {
        all.push({
          group: s.id,
          start: span.start,
          end: span.end,
          tone: accepted.has(s.id) ? "suggestion" : "rejected",
          label: label(s),
        });
      }
    }
    draft.warnings.forEach((w, i) =>
      all.push({ group: `warning-${i}`, start: w.start, end: w.end, tone: "warning", label: WARNING_LABELS[w.code] }),
    );
    draft.unscored.forEach((u, i) =>
      all.push({
        group: `unscored-${i}`,
        start: u.start,
        end: u.end,
        tone: "unscored",
        label: `Not scored: ${UNSCORED_LABELS[u.kind].label}`,
      }),
    );
    return all;
    // label() reads only draft and catalog data, fixed for this posting.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [suggestions, draft, accepted]);

  const toggle = (id: string, on: boolean) =>
    setAccepted((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const groups: Array<{ title: string; hint: string; items: DraftSuggestion[] }> = [
    {
      title: "The dual requirement",
      hint: "The production / ML lean of the role, in the guide's terms; rejecting it keeps the saved balance.",
      items: suggestions.filter((s) => s.kind === "lean"),
    },
    {
      title: "Must-haves",
      hint: "Required by the posting: flagged when missing from a résumé, never hidden.",
      items: suggestions.filter((s) => s.kind === "mustHave"),
    },
    {
      title: "Nice-to-haves",
      hint: "Asked for as a plus: shown, not scored.",
      items: suggestions.filter((s) => s.kind === "niceToHave"),
    },
    {
      title: "Minimum years",
      hint: "As the posting states it: flags candidates below it, never hides them.",
      items: suggestions.filter((s) => s.kind === "minYears"),
    },
    {
      title: "Area weights",
      hint: "What the posting emphasises, per area (the most emphasised weighs 1, none under 0.3); rejecting one keeps its saved weight.",
      items: suggestions.filter((s) => s.kind === "area"),
    },
  ];

  const savedAreas = saved.weights.areaWeights as Record<string, number | undefined>;
  const now = (s: DraftSuggestion): string => {
    switch (s.kind) {
      case "lean":
        return `production ${percent(saved.weights.productionWeight)}, balance ${saved.weights.balanceStrictness.toFixed(2)}`;
      case "area":
        return (savedAreas[s.area!] ?? 1).toFixed(2);
      case "mustHave":
        return saved.weights.mustHave.includes(String(s.value)) ? "a must-have" : "not a must-have";
      case "niceToHave":
        return saved.weights.niceToHave.includes(String(s.value)) ? "a nice-to-have" : "not a nice-to-have";
      case "minYears":
        return years(saved.weights.minYears);
    }
  };

  return (
    <>
      {canSave ? <PostingForm errors={actionData?.errors} open={false} /> : null}
      <div className="draft-layout">
        <div className="draft-side">
          <section className="card card--flush draft-posting" aria-labelledby="posting-heading">
            <div className="card__header">
              <h2 id="posting-heading" className="card__title">
                Role description
              </h2>
              <span className="muted small" data-testid="posting-source">
                {posting.fileName ? `From ${posting.fileName}` : "Pasted"}
                {posting.uploadedBy ? ` by ${posting.uploadedBy}` : ""}, <RelativeTime iso={posting.uploadedAt} />
              </span>
            </div>
            <p className="draft-legend small" aria-hidden="true">
              <mark className="pm pm--suggestion">suggestion</mark> <mark className="pm pm--rejected">rejected</mark>{" "}
              <mark className="pm pm--warning">warning</mark> <mark className="pm pm--unscored">not scored</mark>
            </p>
            <PostingText text={posting.text} marks={marks} activeGroup={active} />
          </section>
          <section
            className="card card--flush draft-preview"
            aria-labelledby="draft-preview-heading"
            aria-busy={!fresh}
            data-testid="ranking-preview"
            data-fresh={fresh}
          >
            <div className="card__header">
              <h2 id="draft-preview-heading" className="card__title">
                Preview
              </h2>
              <span className="muted small" aria-live="polite">
                {fresh ? "With the accepted suggestions" : "Updating…"}
              </span>
            </div>
            <div className="weights-preview__body">
              <PreviewPane preview={preview.data} invalidLead="The preview cannot rank with these weights:" />
            </div>
          </section>
        </div>

        <Form method="post" className="draft-review" data-testid="draft-review">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="postingUploadedAt" value={posting.uploadedAt} />
          {actionData?.formError ? (
            <p className="alert alert--error" role="alert" data-testid="draft-error">
              {actionData.formError}
            </p>
          ) : null}

          {draft.warnings.length > 0 ? (
            <section
              className="card stack draft-warnings"
              aria-labelledby="warnings-heading"
              data-testid="draft-warnings"
            >
              <h2 id="warnings-heading" className="card__title">
                Warnings <span className="badge badge--muted">{draft.warnings.length}</span>
              </h2>
              <p className="muted small">
                Wording that can act as a proxy for protected traits. Consider changing the posting.
              </p>
              <ul className="draft-list">
                {draft.warnings.map((w, i) => (
                  <li
                    key={`${w.code}-${w.start}`}
                    className="draft-item draft-item--warning"
                    data-testid="draft-warning"
                    data-code={w.code}
                    onMouseEnter={() => setActive(`warning-${i}`)}
                    onMouseLeave={() => setActive(null)}
                  >
                    <span className="draft-item__title">
                      <span aria-hidden="true">⚠</span> {WARNING_LABELS[w.code]}:{" "}
                      <a href={`#${markAnchor(`warning-${i}`)}`} className="draft-quote">
                        “{w.text}”
                      </a>
                    </span>
                    <span className="draft-item__why">{w.message}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {groups
            .filter((group) => group.items.length > 0)
            .map((group) => (
              <fieldset key={group.title} className="card form-section draft-group">
                <legend className="form-section__title">{group.title}</legend>
                <p className="form-section__hint">{group.hint}</p>
                <ul className="draft-list">
                  {group.items.map((s) => {
                    const on = accepted.has(s.id);
                    const inputId = `accept-${s.id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
                    return (
                      <li
                        key={s.id}
                        className={`draft-item${on ? "" : " is-rejected"}`}
                        data-testid="draft-suggestion"
                        data-id={s.id}
                        onMouseEnter={() => setActive(s.id)}
                        onMouseLeave={() => setActive(null)}
                      >
                        <label className="draft-item__title" htmlFor={inputId}>
                          <input
                            id={inputId}
                            type="checkbox"
                            name="accept"
                            value={s.id}
                            checked={on}
                            disabled={!canSave}
                            onChange={(event) => toggle(s.id, event.currentTarget.checked)}
                            onFocus={() => setActive(s.id)}
                            onBlur={() => setActive(null)}
                          />
                          <span>{label(s)}</span>
                          <span className={`badge ${on ? "badge--status-done" : "badge--muted"}`}>
                            {on ? "Accepted" : "Rejected"}
                          </span>
                        </label>
                        <span className="draft-item__why">
                          {s.kind === "lean"
                            ? `${LEAN_LABELS[draft.lean].preset} preset: production ${percent(draft.weights.productionWeight)}, balance ${draft.weights.balanceStrictness.toFixed(2)}. `
                            : null}
                          {s.spans.length > 0 ? (
                            <>
                              From{" "}
                              <a href={`#${markAnchor(s.id)}`} className="draft-quote">
                                “{s.spans[0]!.text}”
                              </a>
                              {s.spans.length > 1 ? ` and ${s.spans.length - 1} more` : ""}.{" "}
                            </>
                          ) : (
                            "Not named in the posting. "
                          )}
                          <span className="muted">Now: {now(s)}.</span>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ))}

          {draft.unscored.length > 0 ? (
            <section className="card stack" aria-labelledby="unscored-heading" data-testid="draft-unscored">
              <h2 id="unscored-heading" className="card__title">
                Not scored <span className="badge badge--muted">{draft.unscored.length}</span>
              </h2>
              <p className="muted small">Requirements the ranking cannot see. Judge them in the process.</p>
              <ul className="draft-list">
                {draft.unscored.map((u, i) => (
                  <li
                    key={`${u.kind}-${u.start}`}
                    className="draft-item"
                    data-testid="draft-unscored-item"
                    onMouseEnter={() => setActive(`unscored-${i}`)}
                    onMouseLeave={() => setActive(null)}
                  >
                    <span className="draft-item__title">
                      {UNSCORED_LABELS[u.kind].label} ({u.strength}):{" "}
                      <a href={`#${markAnchor(`unscored-${i}`)}`} className="draft-quote">
                        “{u.text}”
                      </a>
                    </span>
                    <span className="draft-item__why">Why not: {UNSCORED_LABELS[u.kind].why}.</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <div className="card draft-save">
            <p className="muted small" data-testid="draft-summary">
              {suggestions.length - rejected.size} of {suggestions.length} suggestions accepted. Saving makes them
              version {saved.version + 1}; rejected ones keep their saved value (a rejected skill is not added). The
              minimum degree is never drafted.
            </p>
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={!canSave || saving}
                data-testid="save-draft"
              >
                {saving ? "Saving…" : `Save as version ${saved.version + 1}`}
              </button>
              {!canSave ? (
                <span className="muted small">Read only: hiring managers and admins change the weights.</span>
              ) : null}
            </div>
          </div>
        </Form>
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
