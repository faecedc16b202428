// The requisition's ranking weights: presets, sliders, must-haves, minimums and a live preview
// of how the top of the ranking moves, before anything is saved.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { proxyWarnings } from "@server/ranking/proxy-warnings.ts";
import { getFormProps, useForm } from "@conform-to/react";
import type { RequisitionWeights } from "@server/ranking/weights-schema.ts";
import { weightsFromJson } from "@server/ranking/weights-from-json.ts";
import { RangeField } from "~/components/range-field.tsx";
import { PreviewPane } from "~/components/ranking-preview.tsx";
import { SkillDatalist, SkillPicker } from "~/components/skill-picker.tsx";
import { WeightsOrigin } from "~/components/weights-origin.tsx";
import { getPrisma } from "~/lib/db.server.ts";
import { degreeLabel } from "~/lib/format.ts";
import { auditActor, clientIp, requireRequisitionAccess } from "~/lib/auth.server.ts";
import { editorCatalog, enqueueRerank, knownSkillIds, updateRequisitionWeights } from "~/lib/weights.server.ts";
import { parseWeightsForm } from "~/forms/weights.ts";
import { isAppError } from "@server/errors/app-error.ts";
import type { loader as previewLoader } from "./requisitions.$id.weights_.preview.tsx";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { REQUIRED_DEGREE_LEVELS as DEGREES } from "@server/contract/vocabulary.ts";

type Degree = (typeof DEGREES)[number];

/** While a slider moves, the preview is asked for at most this often. */
const PREVIEW_EVERY_MS = 250;

// Every member may read the weights (and try the preview); saving needs the "weights" permission.
export async function loader({ params, request }: LoaderFunctionArgs) {
  // The weights come with the requisition row the shell read for this request.
  const { requisition, can } = await requireRequisitionAccess(request, params.id, "view");
  return {
    canSave: can.weights,
    requisition: { id: requisition.id, title: requisition.title, blindReview: requisition.blindReview },
    saved: { weights: weightsFromJson(requisition.weights), version: requisition.weightsVersion },
    ...editorCatalog(),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { user, requisition } = await requireRequisitionAccess(request, params.id, "weights");
  const submission = parseWeightsForm(await request.formData(), knownSkillIds());
  if (submission.status !== "success") {
    return data({ ok: false as const, intent: "weights" as const, reply: submission.reply() }, { status: 400 });
  }
  try {
    // updateRequisitionWeights validates again before saving: the server stays authoritative.
    const result = await updateRequisitionWeights(getPrisma(), requisition.id, submission.value, {
      rerank: { enqueue: enqueueRerank },
      actor: auditActor(user),
      ip: clientIp(request, context),
    });
    return {
      ok: true as const,
      intent: "weights" as const,
      version: result.version,
      reranked: result.reranked,
      reply: submission.reply(),
    };
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input") {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of error.issues) (fieldErrors[issue.path] ??= []).push(issue.message);
      const reply = submission.reply({ fieldErrors });
      return data({ ok: false as const, intent: "weights" as const, reply }, { status: 400 });
    }
    throw error;
  }
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => ({ label: "Tune ranking", to: match.pathname }),
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: loaderData
      ? `Tune ranking · ${loaderData.requisition.title} · MLE Screening`
      : "Tune ranking · MLE Screening",
  },
];

/** The form's state: weights, with minimum years as typed (it may be empty or half-typed). */
interface FormState extends Omit<RequisitionWeights, "minYears" | "areaWeights"> {
  areaWeights: Record<string, number>;
  minYears: string;
}

function toFormState(weights: RequisitionWeights, areaIds: readonly string[]): FormState {
  const areaWeights = Object.fromEntries(
    areaIds.map((id) => [id, (weights.areaWeights as Record<string, number | undefined>)[id] ?? 1]),
  );
  return { ...weights, areaWeights, minYears: weights.minYears === null ? "" : String(weights.minYears) };
}

function toWeights(state: FormState): RequisitionWeights {
  const years = state.minYears.trim() === "" ? null : Number(state.minYears);
  return { ...state, minYears: years !== null && Number.isFinite(years) ? years : null } as RequisitionWeights;
}

const sameWeights = (a: FormState, b: FormState) =>
  a.productionWeight === b.productionWeight &&
  a.balanceStrictness === b.balanceStrictness &&
  a.gapAsymmetry === b.gapAsymmetry &&
  Object.keys(a.areaWeights).every((id) => a.areaWeights[id] === b.areaWeights[id]);

const sameForm = (a: FormState, b: FormState) =>
  sameWeights(a, b) &&
  a.minYears.trim() === b.minYears.trim() &&
  a.minDegree === b.minDegree &&
  a.mustHave.join() === b.mustHave.join() &&
  a.niceToHave.join() === b.niceToHave.join();

const percent = (value: number) => `${Math.round(value * 100)}%`;

function asymmetryWords(value: number): string {
  if (value > 0.025) return "an ML gap counts less than a production gap";
  if (value < -0.025) return "a production gap counts less than an ML gap";
  return "both gaps count the same";
}

function strictnessWords(value: number): string {
  if (value < 0.125) return "a strength can cover a gap";
  if (value < 0.375) return "leans on both";
  if (value < 0.75) return "both required";
  return "ranked by the weaker side";
}

/** "ml-engineer-role-in-practice.txt: "quote"" → the quote and where it comes from. */
function Citation({ text }: { text: string }) {
  const at = text.indexOf(": ");
  const source = at > 0 ? text.slice(0, at).replace(/\.txt$/, "") : null;
  const quote = at > 0 ? text.slice(at + 2) : text;
  return (
    <>
      {quote}
      {source ? <span className="citation__source"> — {source}</span> : null}
    </>
  );
}

export default function WeightsEditor() {
  const { requisition, saved, presets, areas, skills, canSave } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const areaIds = areas.map((area) => area.id);
  const savedState = toFormState(saved.weights, areaIds);
  const [state, setState] = useState<FormState>(savedState);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));

  const dirty = !sameForm(state, savedState);
  // One schema (app/forms/weights.ts) checks the fields here before posting and in the action.
  const known = useMemo(() => new Set(skills.map((skill) => skill.id)), [skills]);
  const [form] = useForm({
    id: "weights",
    lastResult: actionData?.reply,
    onValidate: ({ formData }) => parseWeightsForm(formData, known),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  // One message per field, keyed by its name ("minYears", "areaWeights.cloud_iac", "mustHave").
  const errors: Record<string, string> = Object.fromEntries(
    Object.entries(form.allErrors).flatMap(([name, messages]) => (messages[0] ? [[name, messages[0]]] : [])),
  );
  const warnings = proxyWarnings(toWeights(state));
  const warningFor = (field: "minDegree" | "minYears") => warnings.find((w) => w.field === field)?.message;
  const activePreset = presets.find((preset) => sameWeights(state, toFormState(preset.weights, areaIds)));

  // Live preview: the form's fields go to the preview route as a query string, at most every
  // PREVIEW_EVERY_MS while a slider is dragged (not only when it stops), and once more for the
  // last value. The form is read when the request leaves, so it always carries the latest state;
  // a newer request cancels the one in flight (fetcher).
  const formRef = useRef<HTMLFormElement>(null);
  const preview = useFetcher<typeof previewLoader>();
  const submitPreview = useRef(preview.submit);
  submitPreview.current = preview.submit;
  const firstPreview = useRef(true);
  const previewKey = `${saved.version}:${JSON.stringify(state)}`;
  const latestKey = useRef(previewKey);
  latestKey.current = previewKey;
  const pendingPreview = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The key of the last preview requested: until it matches the form, the preview is stale.
  const [requestedKey, setRequestedKey] = useState<string | null>(null);
  useEffect(() => {
    if (pendingPreview.current !== null) return; // a request is already due: it will read this state
    const delay = firstPreview.current ? 0 : PREVIEW_EVERY_MS;
    firstPreview.current = false;
    pendingPreview.current = setTimeout(() => {
      pendingPreview.current = null;
      if (formRef.current) {
        submitPreview.current(formRef.current, {
          method: "get",
          action: `/requisitions/${requisition.id}/weights/preview`,
        });
        setRequestedKey(latestKey.current);
      }
    }, delay);
  }, [previewKey, requisition.id]);
  useEffect(
    () => () => {
      if (pendingPreview.current !== null) clearTimeout(pendingPreview.current);
    },
    [],
  );
  const previewFresh = requestedKey === previewKey && preview.state === "idle" && preview.data !== undefined;
  // Phones and narrow windows: the preview is a panel pinned to the bottom of the screen, folded
  // to its header until opened (on wide screens it sits beside the sliders and this does nothing).
  const [previewOpen, setPreviewOpen] = useState(false);

  const dimensions = [
    { id: "production", title: "Production engineering areas" },
    { id: "ml", title: "ML depth areas" },
  ] as const;

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Tune ranking</h1>
          <p className="page-subtitle">
            How {requisition.title} weighs production engineering against ML depth. Current weights: version{" "}
            <span data-testid="weights-version">{saved.version}</span>.
          </p>
          <WeightsOrigin requisitionId={requisition.id} version={saved.version} />
        </div>
        <Link to={`/requisitions/${requisition.id}`} className="button">
          Back to candidates
        </Link>
      </div>

      <div className="weights-layout">
        <Form
          method="post"
          ref={formRef}
          className="card form weights-form"
          data-testid="weights-form"
          {...getFormProps(form)}
        >
          {actionData?.ok && actionData.intent === "weights" && !dirty ? (
            <p className="alert alert--success" role="status" data-testid="weights-saved">
              Saved as version {actionData.version} · the candidates table ranks with it now
            </p>
          ) : null}
          {Object.keys(errors).length > 0 ? (
            <p className="alert alert--error" role="alert" data-testid="weights-errors">
              Nothing was saved: fix the {Object.keys(errors).length === 1 ? "field" : "fields"} marked below.
            </p>
          ) : null}

          <Section
            title="Start from a preset"
            hint="A preset fills in the weights below; must-haves and minimums stay as they are. Nothing is saved until you press Save."
          >
            <div className="presets" role="group" aria-label="Presets">
              {presets.map((preset) => (
                <button
                  key={preset.id}
                  type="button"
                  className={`preset${activePreset?.id === preset.id ? " is-active" : ""}`}
                  aria-pressed={activePreset?.id === preset.id}
                  data-testid={`preset-${preset.id}`}
                  onClick={() => {
                    const next = toFormState(preset.weights, areaIds);
                    setState((s) => ({
                      ...s,
                      productionWeight: next.productionWeight,
                      balanceStrictness: next.balanceStrictness,
                      gapAsymmetry: next.gapAsymmetry,
                      areaWeights: next.areaWeights,
                    }));
                  }}
                >
                  <span className="preset__name">{preset.name}</span>
                  <span className="preset__description">{preset.description}</span>
                </button>
              ))}
            </div>
          </Section>

          <Section title="The dual requirement">
            <RangeField
              id="productionWeight"
              name="productionWeight"
              label="Production engineering vs ML depth"
              value={state.productionWeight}
              valueText={`Production ${percent(state.productionWeight)} · ML ${percent(1 - state.productionWeight)}`}
              onChange={(value) => set("productionWeight", value)}
              error={errors.productionWeight}
              hint="The share of each dimension in the overall score."
            />
            <RangeField
              id="balanceStrictness"
              name="balanceStrictness"
              label="Balance strictness"
              value={state.balanceStrictness}
              valueText={`${state.balanceStrictness.toFixed(2)} · ${strictnessWords(state.balanceStrictness)}`}
              onChange={(value) => set("balanceStrictness", value)}
              error={errors.balanceStrictness}
              hint="How strictly both dimensions are required. The guide: a candidate strong in only one has “a real gap, not just a nice-to-have”."
            >
              <div className="scale" aria-hidden="true">
                <span>0: a strength can cover a gap (average)</span>
                <span>0.5: both required (harmonic)</span>
                <span>1: ranked by the weaker side</span>
              </div>
            </RangeField>
            <RangeField
              id="gapAsymmetry"
              name="gapAsymmetry"
              label="Which gap is harder to close"
              value={state.gapAsymmetry}
              min={-0.5}
              max={0.5}
              valueText={`${state.gapAsymmetry.toFixed(2)} · ${asymmetryWords(state.gapAsymmetry)}`}
              onChange={(value) => set("gapAsymmetry", value)}
              error={errors.gapAsymmetry}
              hint="The guide: “If you have strong ML knowledge but weak engineering skills, the engineering gap is significant and takes time to close. If you have strong engineering skills but limited ML knowledge, the ML gap is real but more bounded.” The default (0.15) follows it: at equal imbalance, strong production with weak ML ranks above strong ML with weak production."
            >
              <div className="scale" aria-hidden="true">
                <span>−0.5: ML gaps weigh more</span>
                <span>0: alike</span>
                <span>0.5: production gaps weigh more</span>
              </div>
            </RangeField>
          </Section>

          {dimensions.map((dimension) => (
            <Section
              key={dimension.id}
              title={dimension.title}
              hint="How much each area counts within its dimension (0 ignores it). Under each: the guide’s words."
            >
              <div className="area-list">
                {areas
                  .filter((area) => area.dimension === dimension.id)
                  .map((area) => {
                    const value = state.areaWeights[area.id] ?? 1;
                    const error = errors[`areaWeights.${area.id}`];
                    return (
                      <div key={area.id} className="area-row">
                        <div className="area-row__text">
                          <label htmlFor={`area-${area.id}`} className="area-row__name" title={area.description}>
                            {area.name}
                          </label>
                          <p id={`area-${area.id}-hint`} className="area-row__citation">
                            <Citation text={area.citation} />
                          </p>
                          {error ? (
                            <p id={`area-${area.id}-error`} className="field__error">
                              {error}
                            </p>
                          ) : null}
                        </div>
                        <input
                          id={`area-${area.id}`}
                          name={`areaWeights.${area.id}`}
                          type="range"
                          min={0}
                          max={1}
                          step={0.05}
                          value={value}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={
                            error ? `area-${area.id}-error area-${area.id}-hint` : `area-${area.id}-hint`
                          }
                          onChange={(event) => {
                            const next = Number(event.currentTarget.value);
                            setState((s) => ({ ...s, areaWeights: { ...s.areaWeights, [area.id]: next } }));
                          }}
                        />
                        <output
                          htmlFor={`area-${area.id}`}
                          className={`area-row__value${value === 0 ? " is-off" : ""}`}
                        >
                          {value === 0 ? "off" : value.toFixed(1)}
                        </output>
                      </div>
                    );
                  })}
              </div>
            </Section>
          ))}

          <Section title="Skills" hint="Shown in the table as flags. Candidates are never hidden for a missing skill.">
            <SkillDatalist skills={skills} />
            <div className="form__row">
              <SkillPicker
                name="mustHave"
                label="Must-have skills"
                hint="Flagged when missing from a résumé."
                skills={skills}
                selected={state.mustHave}
                onChange={(ids) => set("mustHave", ids)}
                error={errors.mustHave}
              />
              <SkillPicker
                name="niceToHave"
                label="Nice-to-have skills"
                hint="Shown as a plus; not scored."
                skills={skills}
                selected={state.niceToHave}
                onChange={(ids) => set("niceToHave", ids)}
                error={errors.niceToHave}
              />
            </div>
          </Section>

          <Section title="Minimums" hint="Both only flag candidates; neither changes scores or hides anyone.">
            <div className="form__row">
              <div className="field">
                <label htmlFor="minYears" className="field__label">
                  Minimum years of experience <span className="field__optional">optional</span>
                </label>
                <input
                  id="minYears"
                  name="minYears"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={50}
                  step={0.5}
                  value={state.minYears}
                  placeholder="No minimum"
                  aria-invalid={errors.minYears ? true : undefined}
                  aria-describedby="minYears-message"
                  onChange={(event) => set("minYears", event.currentTarget.value)}
                />
                <FieldMessages
                  id="minYears-message"
                  error={errors.minYears}
                  warning={warningFor("minYears")}
                  testId="minYears"
                >
                  Professional years, overlap-aware.
                </FieldMessages>
              </div>
              <div className="field">
                <label htmlFor="minDegree" className="field__label">
                  Minimum degree <span className="field__optional">optional</span>
                </label>
                <select
                  id="minDegree"
                  name="minDegree"
                  value={state.minDegree ?? ""}
                  aria-invalid={errors.minDegree ? true : undefined}
                  aria-describedby="minDegree-message"
                  onChange={(event) => set("minDegree", (event.currentTarget.value || null) as Degree | null)}
                >
                  <option value="">No minimum</option>
                  {DEGREES.map((degree) => (
                    <option key={degree} value={degree}>
                      {degreeLabel(degree)}
                    </option>
                  ))}
                </select>
                <FieldMessages
                  id="minDegree-message"
                  error={errors.minDegree}
                  warning={warningFor("minDegree")}
                  testId="minDegree"
                >
                  Not recommended: see the warning when set.
                </FieldMessages>
              </div>
            </div>
          </Section>

          <div className="form__actions weights-form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={saving || !canSave}
              data-testid="save-weights"
            >
              {saving ? "Saving…" : `Save as version ${saved.version + 1}`}
            </button>
            {!canSave ? (
              <span className="muted small" data-testid="weights-read-only">
                Read only: hiring managers and admins change the weights.
              </span>
            ) : null}
            <button
              type="button"
              className="button button--ghost"
              disabled={!dirty || saving}
              onClick={() => setState(savedState)}
            >
              Discard changes
            </button>
            {dirty ? <span className="muted small">Unsaved changes</span> : null}
          </div>
        </Form>

        <section
          className={`card card--flush weights-preview${previewOpen ? " is-open" : ""}`}
          aria-labelledby="preview-heading"
          aria-busy={!previewFresh}
          data-testid="ranking-preview"
          data-fresh={previewFresh}
        >
          <div className="card__header">
            <h2 id="preview-heading" className="card__title">
              Preview
            </h2>
            <span className="muted small" aria-live="polite">
              {!previewFresh ? (
                <>
                  <span className="spinner" aria-hidden="true" /> Updating…
                </>
              ) : dirty ? (
                "Not saved yet"
              ) : (
                "Same as saved"
              )}
            </span>
            <button
              type="button"
              className="button button--small weights-preview__toggle"
              aria-expanded={previewOpen}
              aria-controls="weights-preview-body"
              data-testid="preview-toggle"
              onClick={() => setPreviewOpen((open) => !open)}
            >
              {previewOpen ? "Hide" : "Show"}
            </button>
          </div>
          <div className="weights-preview__body" id="weights-preview-body">
            <PreviewPane preview={preview.data} invalidLead="Fix the highlighted fields to see the preview:" />
          </div>
        </section>
      </div>
    </>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">{title}</legend>
      {hint ? <p className="form-section__hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** Under a field: its error, or its proxy warning (announced as soon as it appears), or a hint. */
function FieldMessages({
  id,
  error,
  warning,
  testId,
  children,
}: {
  id: string;
  error?: string;
  warning?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div id={id}>
      {error ? <p className="field__error">{error}</p> : null}
      <div role="alert" data-testid={`${testId}-warning-region`}>
        {warning ? (
          <p className="field__warning" data-testid={`${testId}-warning`}>
            <span aria-hidden="true">⚠</span> {warning}
          </p>
        ) : null}
      </div>
      {!error && !warning ? <p className="field__hint">{children}</p> : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
