// Compliance: the adverse-impact report (issue 16, docs/fairness.md). For one requisition or all
// of them, applications created in a date range: the median of the shown overall scores, and per
// sex, race/ethnicity and intersectional category the applicants, scoring and selection rates and
// impact ratios, categories under 2 % marked, ratios under 0.8 flagged with Fisher's exact test.
// `?format=csv` / `?format=json` download the § 5-303 summary of results. For one requisition the
// page also shows its latest consistency check (app/components/compliance/consistency-panel.tsx),
// which the JSON export includes. Every view and export is audited (the consistency result's
// view too). Only compliance users and admins ("fairness.read").
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AppError } from "@server/errors/app-error.ts";
import { TABLE_NAMES, type TableName } from "@server/fairness/compute-impact.ts";
import type { ImpactRow, RateResult } from "@server/fairness/impact-table.ts";
import { SELECTION_STAGES, type SelectionStage } from "@server/fairness/selection-stages.ts";
import { TABLE_TITLES } from "@server/fairness/summary-of-results.ts";
import { ConsistencyPanel } from "~/components/compliance/consistency-panel.tsx";
import {
  auditConsistencyView,
  latestConsistencyRun,
  loadFairnessReport,
  recordAudit,
  summariseResults,
  summaryCsv,
} from "~/lib/fairness.server.ts";
import { throwAppError } from "~/lib/app-error.server.ts";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import complianceStyles from "~/styles/compliance.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: complianceStyles }];

export const meta: MetaFunction = () => [{ title: "Fairness report · Compliance · MLE Screening" }];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (date: Date) => date.toISOString().slice(0, 10);

function readQuery(url: URL, requisitions: Array<{ id: string }>) {
  const today = new Date();
  const from = url.searchParams.get("from") || day(new Date(today.getTime() - 365 * 24 * 3600 * 1000));
  const to = url.searchParams.get("to") || day(today);
  if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
    throw new AppError("invalid_input", "Dates must be written YYYY-MM-DD.");
  }
  const stage = (url.searchParams.get("stage") || "SHORTLISTED") as SelectionStage;
  if (!SELECTION_STAGES.includes(stage)) throw new AppError("invalid_input", "Choose Shortlisted or Screening.");
  const asked = url.searchParams.get("requisition");
  const requisitionId = asked === "all" ? null : asked || requisitions[0]?.id || null;
  const format = url.searchParams.get("format");
  if (format !== null && format !== "csv" && format !== "json") {
    throw new AppError("invalid_input", "The export format is csv or json.");
  }
  return {
    requisitionId,
    from,
    to,
    stage,
    excludeSmallCategories: url.searchParams.get("exclude") === "1",
    format: format as "csv" | "json" | null,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "fairness.read");
  const db = getPrisma();
  const requisitions = await db.requisition.findMany({
    select: { id: true, title: true },
    orderBy: { createdAt: "asc" },
  });
  try {
    const { format, ...query } = readQuery(new URL(request.url), requisitions);
    const report = await loadFairnessReport(db, query);
    const scope = query.requisitionId ? report.requisitions[0]!.title : "all requisitions";
    const summary = summariseResults(report.impact, {
      auditDate: day(new Date()),
      dataFrom: query.from,
      dataTo: query.to,
      dataSource:
        `Applications to ${scope} created ${query.from} to ${query.to} and scored by MLE Screening (overall score ` +
        `as shown); selection = reached ${query.stage.toLowerCase()}; sex and race/ethnicity from voluntary ` +
        `self-identification.`,
      exclusionJustification: query.excludeSmallCategories
        ? "Categories under 2% of the data are excluded from the impact ratios as 6 RCNY § 5-301(d) allows: their rates rest on too few applicants to compare."
        : null,
    });
    await recordAudit(db, auditActor(user), {
      action: format ? "fairness.report.export" : "fairness.report.view",
      summary: `${format ? `Exported (${format.toUpperCase()})` : "Viewed"} the fairness report for ${scope}, ${query.from} to ${query.to}`,
      targetType: "fairness_report",
      targetId: query.requisitionId ?? undefined,
      requisitionId: query.requisitionId,
      after: { from: query.from, to: query.to, stage: query.stage, exclude: query.excludeSmallCategories },
      ip: clientIp(request, context),
    });
    // The latest consistency check of the requisition: on the page, and in the JSON export.
    const consistency =
      query.requisitionId && format !== "csv" ? await latestConsistencyRun(db, query.requisitionId) : null;
    if (consistency) {
      await auditConsistencyView(db, auditActor(user), consistency, {
        export: format === "json" ? "json" : undefined,
        ip: clientIp(request, context),
      });
    }
    const name = `summary-of-results-${query.requisitionId ?? "all"}-${query.from}-${query.to}`;
    if (format === "csv") {
      return new Response(summaryCsv(summary), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}.csv"`,
          "Cache-Control": "no-store",
        },
      });
    }
    if (format === "json") {
      const body = {
        ...summary,
        consistencyCheck: query.requisitionId
          ? consistency
          : "Run per requisition: export one requisition's report to include its consistency check.",
      };
      return new Response(JSON.stringify(body, null, 2), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}.json"`,
          "Cache-Control": "no-store",
        },
      });
    }
    return { requisitions, query, report, consistency };
  } catch (error) {
    if (error instanceof AppError) throwAppError(error, { not_found: "Requisition not found" });
    throw error;
  }
}

interface ReportPage {
  requisitions: Array<{ id: string; title: string }>;
  query: Omit<ReturnType<typeof readQuery>, "format">;
  report: Awaited<ReturnType<typeof loadFairnessReport>>;
  consistency: Awaited<ReturnType<typeof latestConsistencyRun>>;
}

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const ratio = (value: number | null) => (value === null ? "—" : value.toFixed(3));

function RatioCell({ result }: { result: RateResult }) {
  const check = result.smallSample;
  return (
    <td className={result.belowFourFifths ? "fairness-flag" : undefined} data-testid="impact-ratio">
      {result.highest ? <strong>{ratio(result.impactRatio)}</strong> : ratio(result.impactRatio)}
      {result.belowFourFifths ? <span className="fairness-flag__mark"> &lt; 0.8</span> : null}
      {check && result.belowFourFifths ? (
        <div className="fairness-note">
          p = {check.pValue.toPrecision(3)} ({check.category.count}/{check.category.applicants} vs {check.highest.count}
          /{check.highest.applicants})
          {check.warning ? <span className="fairness-warning"> — small sample, not significant</span> : null}
        </div>
      ) : null}
    </td>
  );
}

function ImpactTableView({ name, rows, kind }: { name: TableName; rows: ImpactRow[]; kind: "scoring" | "selection" }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${TABLE_TITLES[name]} — ${kind}`}>
      <table className="data-table fairness-table" data-testid={`table-${kind}-${name}`}>
        <caption>
          {TABLE_TITLES[name]} — {kind}
        </caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Applicants</th>
            <th scope="col">{kind === "scoring" ? "Above median" : "Selected"}</th>
            <th scope="col">{kind === "scoring" ? "Scoring rate" : "Selection rate"}</th>
            <th scope="col">Impact ratio</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.applicants === 0 ? "fairness-row--empty" : undefined}>
              <th scope="row">
                {row.label}
                {row.excludable ? (
                  <span className="badge fairness-badge" title="Under 2% of the data: may be excluded (§ 5-301(d))">
                    {row.excluded ? "excluded" : "< 2%"}
                  </span>
                ) : null}
              </th>
              <td>{row.applicants}</td>
              <td>{row[kind].count}</td>
              <td>{percent(row[kind].rate)}</td>
              <RatioCell result={row[kind]} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function FairnessReport() {
  // The loader answers exports with a Response; the page only ever gets the report.
  const { requisitions, query, report, consistency } = useLoaderData<typeof loader>() as unknown as ReportPage;
  const impact = report.impact;
  const params = new URLSearchParams({
    requisition: query.requisitionId ?? "all",
    from: query.from,
    to: query.to,
    stage: query.stage,
    ...(query.excludeSmallCategories ? { exclude: "1" } : {}),
  });
  return (
    <div className="compliance-page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Fairness report</h1>
          <p className="page-subtitle">
            Impact ratios by sex, race/ethnicity and their intersections (NYC Local Law 144, 6 RCNY § 5-301), from
            voluntary <Link to="/compliance/self-identification">self-identification</Link>. Ratios under 0.8 are
            flagged (four-fifths rule) with Fisher&rsquo;s exact test, so a small sample is not read as evidence.
          </p>
        </div>
      </div>
      <Form method="get" className="card fairness-filters" data-testid="report-filters">
        <label>
          Requisition
          <select name="requisition" defaultValue={query.requisitionId ?? "all"}>
            {requisitions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
            <option value="all">All requisitions</option>
          </select>
        </label>
        <label>
          From <input type="date" name="from" defaultValue={query.from} required />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={query.to} required />
        </label>
        <label>
          Selected means reaching
          <select name="stage" defaultValue={query.stage}>
            {SELECTION_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {stage === "SHORTLISTED" ? "Shortlisted" : "Screening"}
              </option>
            ))}
          </select>
        </label>
        <label className="fairness-filters__check">
          <input type="checkbox" name="exclude" value="1" defaultChecked={query.excludeSmallCategories} /> Exclude
          categories under 2% from ratios
        </label>
        <button type="submit" className="button button--primary">
          Show
        </button>
      </Form>
      <section className="card fairness-summary" data-testid="report-summary">
        <dl className="fairness-facts">
          <div>
            <dt>Applicants assessed</dt>
            <dd data-testid="applicants-assessed">{impact.applicantsAssessed}</dd>
          </div>
          <div>
            <dt>In the calculations</dt>
            <dd data-testid="applicants-included">{impact.applicantsIncluded}</dd>
          </div>
          <div>
            <dt>Unknown category</dt>
            <dd data-testid="unknown-count">
              {impact.unknown.total}
              <span className="muted">
                {" "}
                (sex {impact.unknown.sexOnly}, race/ethnicity {impact.unknown.raceEthnicityOnly}, both{" "}
                {impact.unknown.both})
              </span>
            </dd>
          </div>
          <div>
            <dt>Median overall score</dt>
            <dd data-testid="median-score">{impact.medianScore === null ? "—" : impact.medianScore.toFixed(1)}</dd>
          </div>
          <div>
            <dt>Not scored (not assessed)</dt>
            <dd>{report.notScored}</dd>
          </div>
        </dl>
        <p className="fairness-exports">
          Summary of results (§ 5-303):{" "}
          <a href={`/compliance/report/export?${params}&format=csv`} download data-testid="export-csv">
            CSV
          </a>{" "}
          ·{" "}
          <a href={`/compliance/report/export?${params}&format=json`} download data-testid="export-json">
            JSON
          </a>
        </p>
      </section>
      {query.requisitionId ? (
        <ConsistencyPanel
          requisitionId={query.requisitionId}
          run={consistency}
          query={{
            from: query.from,
            to: query.to,
            stage: query.stage,
            ...(query.excludeSmallCategories ? { exclude: "1" } : {}),
          }}
        />
      ) : (
        <p className="card muted" data-testid="consistency-all">
          The consistency check runs per requisition: choose one requisition to run it or see its result.
        </p>
      )}
      {impact.applicantsIncluded === 0 ? (
        <p className="card muted" data-testid="report-empty">
          No scored applicant in this range has a known sex and race/ethnicity yet. Import self-identification first.
        </p>
      ) : (
        (["scoring", "selection"] as const).map((kind) => (
          <section key={kind} className="fairness-section">
            <h2 className="section-title">
              {kind === "scoring"
                ? "Scoring: share above the median overall score"
                : `Selection: reached ${query.stage === "SHORTLISTED" ? "Shortlisted" : "Screening"}`}
            </h2>
            {TABLE_NAMES.map((name) => (
              <ImpactTableView key={name} name={name} rows={impact.tables[name].rows} kind={kind} />
            ))}
          </section>
        ))
      )}
    </div>
  );
}
