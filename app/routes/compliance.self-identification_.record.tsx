// Compliance: record or edit one applicant's voluntary self-identification (issue 16, item 1).
// Find the application within a requisition by its id or the candidate's e-mail (GET: a clear
// error for an unknown id or e-mail, a choice when one e-mail applied more than once), then save
// sex and race/ethnicity in the EEO-1 categories or "Declined to answer" (POST, audited, read by
// the import's own validation: server/fairness/record-self-identification.ts). Only compliance
// users and admins ("fairness.read").
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isAppError } from "@server/errors/app-error.ts";
import {
  RACE_ETHNICITY_CATEGORIES,
  RACE_ETHNICITY_LABELS,
  SEX_CATEGORIES,
  SEX_LABELS,
} from "@server/fairness/categories.ts";
import type { EntryApplication } from "@server/fairness/record-self-identification.ts";
import { findApplicationsForEntry, recordSelfIdentification } from "~/lib/fairness.server.ts";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import complianceStyles from "~/styles/compliance.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: complianceStyles }];

export const meta: MetaFunction = () => [{ title: "Record self-identification · Compliance · MLE Screening" }];

/** The form's value for "Declined to answer": read as unknown, like the import's "Prefer not to say". */
const DECLINED = "declined";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "fairness.read");
  const db = getPrisma();
  const requisitions = await db.requisition.findMany({
    select: { id: true, title: true },
    orderBy: { createdAt: "asc" },
  });
  const url = new URL(request.url);
  const requisitionId = url.searchParams.get("requisition") || requisitions[0]?.id || "";
  const key = url.searchParams.get("q")?.trim() ?? "";
  const chosen = url.searchParams.get("id");
  const base = { requisitions, requisitionId, key };
  if (!key) return { ...base, matches: [] as EntryApplication[], selected: null, error: null };
  try {
    const matches = await findApplicationsForEntry(db, requisitionId, key);
    const selected = matches.length === 1 ? matches[0]! : (matches.find((m) => m.id === chosen) ?? null);
    return { ...base, matches, selected, error: null };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return data(
      { ...base, matches: [] as EntryApplication[], selected: null, error: error.message },
      { status: error.status },
    );
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "fairness.read");
  const form = await request.formData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  try {
    const entry = await recordSelfIdentification(
      getPrisma(),
      auditActor(user),
      {
        requisitionId: field("requisitionId") ?? "",
        applicationId: field("applicationId") ?? "",
        sex: field("sex"),
        raceEthnicity: field("raceEthnicity"),
      },
      { ip: clientIp(request, context) },
    );
    return { entry, error: null, issues: [] as Array<{ path: string; message: string }> };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return data({ entry: null, error: error.message, issues: [...error.issues] }, { status: error.status });
  }
}

function when(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

function recordedText(current: EntryApplication["current"]): string {
  if (!current) return "Nothing recorded";
  const sex = current.sex ? SEX_LABELS[current.sex] : "sex unknown or declined";
  const race = current.raceEthnicity
    ? RACE_ETHNICITY_LABELS[current.raceEthnicity]
    : "race/ethnicity unknown or declined";
  const how = current.source === "import" ? "imported" : "recorded by a compliance user";
  return `${sex}; ${race} (${how}, ${when(current.recordedAt)})`;
}

function EntryForm({ requisitionId, application }: { requisitionId: string; application: EntryApplication }) {
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const shown = result?.entry?.id === application.id ? result.entry : application;
  const issueOf = (path: string) => result?.issues.find((issue) => issue.path === path)?.message;
  const sexError = issueOf("sex");
  const raceError = issueOf("raceEthnicity");
  // After a save the form shows what is now recorded; before it, what was.
  const sexValue = shown.current ? (shown.current.sex ?? DECLINED) : undefined;
  const raceValue = shown.current ? (shown.current.raceEthnicity ?? DECLINED) : undefined;
  return (
    <section className="card self-id-entry" aria-labelledby="entry-title" data-testid="self-id-entry">
      <h2 className="section-title" id="entry-title">
        Answers of application <code>{application.id}</code>
      </h2>
      <dl className="self-id-entry__facts">
        <dt>Résumé</dt>
        <dd>{application.label}</dd>
        <dt>E-mail</dt>
        <dd>{application.email ?? "—"}</dd>
        <dt>Applied</dt>
        <dd>{when(application.createdAt)}</dd>
        <dt>Recorded now</dt>
        <dd data-testid="self-id-current">{recordedText(shown.current)}</dd>
      </dl>
      {result?.entry && result.entry.id === application.id ? (
        <p className="form-ok" role="status" data-testid="self-id-saved">
          Saved: {recordedText(result.entry.current)}.
        </p>
      ) : null}
      {result?.error && !sexError && !raceError ? (
        <p className="form-error" role="alert" data-testid="self-id-entry-error">
          {result.error}
        </p>
      ) : null}
      <Form method="post" key={`${application.id}-${shown.current?.recordedAt ?? "none"}`}>
        <input type="hidden" name="requisitionId" value={requisitionId} />
        <input type="hidden" name="applicationId" value={application.id} />
        <div className="self-id-entry__grid">
          <fieldset aria-describedby={sexError ? "sex-error" : undefined} aria-invalid={sexError ? true : undefined}>
            <legend>Sex</legend>
            {[...SEX_CATEGORIES, DECLINED].map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="sex" value={value} defaultChecked={sexValue === value} />
                {value === DECLINED ? "Declined to answer" : SEX_LABELS[value as keyof typeof SEX_LABELS]}
              </label>
            ))}
            {sexError ? (
              <p className="field__error" id="sex-error" role="alert">
                {sexError}
              </p>
            ) : null}
          </fieldset>
          <fieldset aria-describedby={raceError ? "race-error" : undefined} aria-invalid={raceError ? true : undefined}>
            <legend>Race/ethnicity</legend>
            {[...RACE_ETHNICITY_CATEGORIES, DECLINED].map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="raceEthnicity" value={value} defaultChecked={raceValue === value} />
                {value === DECLINED
                  ? "Declined to answer"
                  : RACE_ETHNICITY_LABELS[value as keyof typeof RACE_ETHNICITY_LABELS]}
              </label>
            ))}
            {raceError ? (
              <p className="field__error" id="race-error" role="alert">
                {raceError}
              </p>
            ) : null}
          </fieldset>
        </div>
        <button type="submit" className="button button--primary" disabled={saving} data-testid="self-id-save">
          {saving ? "Saving…" : "Save answers"}
        </button>
      </Form>
    </section>
  );
}

export default function RecordSelfIdentification() {
  const { requisitions, requisitionId, key, matches, selected, error } = useLoaderData<typeof loader>();
  const searching = useNavigation().state === "loading";
  return (
    <div className="compliance-page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Record one applicant&rsquo;s answers</h1>
          <p className="page-subtitle">
            Voluntary self-identification, kept apart from screening and scoring. For many applicants at once, use the{" "}
            <Link to="/compliance/self-identification">CSV import</Link>. The answers feed the{" "}
            <Link to="/compliance/report">fairness report</Link>.
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="find-title">
        <h2 className="section-title" id="find-title">
          Find the application
        </h2>
        <Form method="get" className="compliance-form" data-testid="self-id-find">
          <label>
            Requisition
            <select name="requisition" defaultValue={requisitionId} data-testid="self-id-requisition">
              {requisitions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Application id or candidate e-mail
            <input
              type="search"
              name="q"
              defaultValue={key}
              required
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "find-error" : undefined}
              data-testid="self-id-key"
            />
          </label>
          <button type="submit" className="button" disabled={searching} data-testid="self-id-find-button">
            Find
          </button>
        </Form>
        {error ? (
          <p className="form-error" role="alert" id="find-error" data-testid="self-id-find-error">
            {error}
          </p>
        ) : null}
        {matches.length > 1 ? (
          <div data-testid="self-id-matches">
            <p>{matches.length} applications in this requisition have this e-mail. Choose one:</p>
            <ul className="self-id-matches">
              {matches.map((m) => (
                <li key={m.id}>
                  <Link
                    to={`?${new URLSearchParams({ requisition: requisitionId, q: key, id: m.id })}`}
                    aria-current={selected?.id === m.id ? "true" : undefined}
                  >
                    <code>{m.id}</code>
                  </Link>{" "}
                  — {m.label}, applied {when(m.createdAt)}; {recordedText(m.current)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      {selected ? <EntryForm key={selected.id} requisitionId={requisitionId} application={selected} /> : null}
    </div>
  );
}
