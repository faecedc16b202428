// Compliance: import voluntary self-identification (issue 16). A CSV keyed by application id or
// candidate e-mail; "Check" is a dry run that lists every row with what it would record or why it
// cannot; "Import" records all rows in one transaction (audited), and nothing while any row has an
// error. "Download a template" gives a CSV of one requisition's application ids to fill in
// (compliance.self-identification_.template[.]csv.tsx); one applicant's answers are recorded on
// compliance.self-identification_.record.tsx. Only compliance users and admins ("fairness.read").
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import {
  RACE_ETHNICITY_CATEGORIES,
  RACE_ETHNICITY_LABELS,
  SEX_CATEGORIES,
  SEX_LABELS,
} from "@server/fairness/categories.ts";
import {
  importSelfIdentification,
  MAX_SELF_IDENTIFICATION_CSV_BYTES,
  multipartBoundary,
  planSelfIdentificationImport,
  readMultipart,
} from "~/lib/fairness.server.ts";
import { auditActor, requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import complianceStyles from "~/styles/compliance.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: complianceStyles }];

export const meta: MetaFunction = () => [{ title: "Self-identification · Compliance · MLE Screening" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "fairness.read");
  const requisitions = await getPrisma().requisition.findMany({
    select: { id: true, title: true, _count: { select: { applications: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    maxBytes: MAX_SELF_IDENTIFICATION_CSV_BYTES,
    requisitions: requisitions.map(({ id, title, _count }) => ({ id, title, applications: _count.applications })),
  };
}

/** The form's fields: `intent` (check | import) and the CSV `file`, read with the project's reader. */
async function readForm(request: Request): Promise<{ intent: string; fileName: string; text: string }> {
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary || !request.body) {
    throw new AppError("invalid_input", "Send the form as multipart/form-data with a CSV file.");
  }
  let intent = "check";
  let fileName = "";
  let text: string | null = null;
  for await (const part of readMultipart(request.body, boundary)) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      if (size > MAX_SELF_IDENTIFICATION_CSV_BYTES) {
        throw new AppError("too_large", "The CSV is larger than 5 MB: split it into smaller files.");
      }
      chunks.push(chunk);
    }
    const value = Buffer.concat(chunks).toString("utf8");
    if (part.field === "intent") intent = value;
    else if (part.field === "file" && (part.filename || size > 0)) {
      fileName = part.filename || "upload.csv";
      text = value;
    }
  }
  if (text === null) throw new AppError("invalid_input", "Choose a CSV file.");
  return { intent, fileName, text };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "fairness.read");
  try {
    const form = await readForm(request);
    const db = getPrisma();
    if (form.intent === "import") {
      const { plan, recorded } = await importSelfIdentification(db, auditActor(user), form.text, form.fileName);
      return data(
        { intent: "import" as const, fileName: form.fileName, plan, recorded, error: null },
        { status: plan.invalid > 0 ? 400 : 200 },
      );
    }
    const plan = await planSelfIdentificationImport(db, form.text);
    return { intent: "check" as const, fileName: form.fileName, plan, recorded: 0, error: null };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return data(
      { intent: null, fileName: "", plan: null, recorded: 0, error: error.message },
      { status: error.status },
    );
  }
}

export default function SelfIdentificationImport() {
  const result = useActionData<typeof action>();
  const { requisitions } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="compliance-page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Self-identification</h1>
          <p className="page-subtitle">
            Voluntary answers, kept apart: only compliance users and admins see them, and screening, scoring, ranking,
            search and exports never read them. They feed the <Link to="/compliance/report">fairness report</Link>.
          </p>
        </div>
      </div>
      <div className="compliance-columns">
        <section className="card" aria-labelledby="template-title" data-testid="self-id-template">
          <h2 className="section-title" id="template-title">
            1. Download a template
          </h2>
          <p className="muted">
            A CSV with one line per application of the requisition: the application id filled in, the answers empty (no
            names). Fill in <code>sex</code> ({SEX_CATEGORIES.map((id) => SEX_LABELS[id]).join(", ")} or
            &ldquo;Declined&rdquo;) and <code>race_ethnicity</code> (
            {RACE_ETHNICITY_CATEGORIES.map((id) =>
              RACE_ETHNICITY_LABELS[id].replace(/ \(Not Hispanic or Latino\)$/, ""),
            ).join(", ")}{" "}
            or &ldquo;Declined&rdquo;).
          </p>
          {requisitions.length === 0 ? (
            <p className="muted">There is no requisition yet.</p>
          ) : (
            <Form
              method="get"
              action="/compliance/self-identification/template.csv"
              reloadDocument
              className="compliance-form"
            >
              <label>
                Requisition
                <select name="requisition" data-testid="template-requisition">
                  {requisitions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.title} ({r.applications})
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button" data-testid="template-download">
                Download a template
              </button>
            </Form>
          )}
          <p className="muted">
            One applicant at a time:{" "}
            <Link to="/compliance/self-identification/record">record one applicant&rsquo;s answers</Link>.
          </p>
        </section>
        <section className="card fairness-import" aria-labelledby="import-title">
          <h2 className="section-title" id="import-title">
            2. Check and import the filled CSV
          </h2>
          <p>
            A CSV with a header line: <code>application_id</code> (or <code>email</code>), <code>sex</code> and{" "}
            <code>race_ethnicity</code>. Answers such as &ldquo;Prefer not to say&rdquo; or a blank cell are recorded as
            unknown; an answer that cannot be read is an error. <strong>Check</strong> changes nothing;{" "}
            <strong>Import</strong> records every row, or nothing when any row has an error.
          </p>
          <Form method="post" encType="multipart/form-data" className="fairness-import__form">
            <label>
              CSV file <input type="file" name="file" accept=".csv,text/csv" required data-testid="self-id-file" />
            </label>
            <div className="fairness-import__buttons">
              <button
                type="submit"
                name="intent"
                value="check"
                className="button"
                disabled={busy}
                data-testid="self-id-check"
              >
                Check (dry run)
              </button>
              <button
                type="submit"
                name="intent"
                value="import"
                className="button button--primary"
                disabled={busy}
                data-testid="self-id-import"
              >
                Import
              </button>
            </div>
          </Form>
        </section>
      </div>
      {result?.error ? (
        <p className="form-error" role="alert" data-testid="self-id-error">
          {result.error}
        </p>
      ) : null}
      {result?.plan ? (
        <section className="card" data-testid="self-id-result">
          <h2 className="section-title">
            {result.intent === "import" && result.recorded > 0
              ? `Imported ${result.recorded} rows from ${result.fileName}`
              : result.intent === "import"
                ? `Nothing imported: ${result.plan.invalid} of ${result.plan.rows.length} rows have errors`
                : `Dry run of ${result.fileName}: ${result.plan.valid} rows ready, ${result.plan.invalid} with errors`}
          </h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Rows of the CSV">
            <table className="data-table fairness-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Application or e-mail</th>
                  <th scope="col">Sex</th>
                  <th scope="col">Race/ethnicity</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {result.plan.rows.map((row) => (
                  <tr
                    key={row.line}
                    data-testid="self-id-row"
                    className={row.errors.length ? "fairness-row--error" : ""}
                  >
                    <td>{row.line}</td>
                    <td className="fairness-key">{row.key}</td>
                    <td>{row.sex ? SEX_LABELS[row.sex] : "Unknown"}</td>
                    <td>{row.raceEthnicity ? RACE_ETHNICITY_LABELS[row.raceEthnicity] : "Unknown"}</td>
                    <td>{row.errors.length ? row.errors.join("; ") : "OK"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
