// The parts of the candidate page read from the résumé's facts and the requisition's flags:
// gaps, background, requirements, experience timeline, education and skills.
import type { CandidateDetail } from "@server/candidates/get-candidate.ts";
import { EMPTY, degreeLabel, formatYears } from "~/lib/format.ts";
import { DIMENSION_LABELS } from "./score-breakdown.tsx";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2021-03" → "Mar 2021"; "2021" → "2021"; "present" → "Present". */
export function formatMonth(value: string): string {
  if (value === "present") return "Present";
  const [year, month] = value.split("-");
  return month ? `${MONTHS[Number(month) - 1] ?? month} ${year}` : (year ?? value);
}

/** 33 → "2 yrs 9 mos". */
export function formatDuration(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [
    years > 0 ? `${years} yr${years === 1 ? "" : "s"}` : "",
    rest > 0 ? `${rest} mo${rest === 1 ? "" : "s"}` : "",
  ];
  return parts.filter(Boolean).join(" ") || "under a month";
}

const KIND_LABELS: Record<string, string | null> = {
  job: null,
  internship: "Internship",
  study: "Study",
  break: "Break",
};

export function GapsAndFlags({ candidate }: { candidate: CandidateDetail }) {
  const { ranking, background } = candidate;
  return (
    <section className="card facts-card" aria-labelledby="gaps-heading" data-testid="gaps">
      <h2 id="gaps-heading" className="card__title">
        Gaps and requirements
      </h2>
      <div className="facts-card__body">
        <div>
          <h3 className="facts-card__label">Gaps</h3>
          {ranking && ranking.gaps.length > 0 ? (
            <ul className="gap-items">
              {ranking.gaps.map((gap) => (
                <li key={gap.id} className="gap-item" data-testid="gap">
                  <span className="gap-item__words">{gap.guideLabel}</span>
                  <span className="gap-item__score">{Math.round(gap.score)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">
              {ranking
                ? "No gap: every area this requisition weighs scores 40 or more."
                : "Scored once the résumé is read."}
            </p>
          )}
        </div>
        <div>
          <h3 className="facts-card__label">Background</h3>
          {background ? (
            <div className="background-box" data-testid="background">
              <p className="strong">{background.label}</p>
              <p className="small">
                <span className="muted">Typical gap of this path: </span>
                {background.typicalGap}
              </p>
              <p className="citation small">{quoteOf(background.citation)}</p>
            </div>
          ) : (
            <p className="muted small">{EMPTY}</p>
          )}
        </div>
        {ranking ? (
          <div>
            <h3 className="facts-card__label">Requirements</h3>
            <ul className="requirement-list" data-testid="requirements">
              {ranking.mustHaves.length === 0 ? (
                <li className="muted small">No must-have skills set for this requisition.</li>
              ) : (
                <li>
                  <span className="requirement-list__label">Must-have skills</span>
                  <span className="skill-flags">
                    {ranking.mustHaves.map((skill) => (
                      <span
                        key={skill.id}
                        className={`skill-flag ${skill.met ? "skill-flag--met" : "skill-flag--missing"}`}
                        data-testid={skill.met ? "must-have-met" : "must-have-missing"}
                      >
                        <span aria-hidden="true">{skill.met ? "✓" : "✗"}</span> {skill.name}
                        <span className="visually-hidden">{skill.met ? " shown" : " missing"}</span>
                      </span>
                    ))}
                  </span>
                </li>
              )}
              {ranking.niceToHaves.length > 0 ? (
                <li>
                  <span className="requirement-list__label">Nice to have</span>
                  <span className="skill-flags">
                    {ranking.niceToHaves.map((skill) => (
                      <span
                        key={skill.id}
                        className={`skill-flag ${skill.met ? "skill-flag--met" : "skill-flag--neutral"}`}
                      >
                        <span aria-hidden="true">{skill.met ? "✓" : "·"}</span> {skill.name}
                      </span>
                    ))}
                  </span>
                </li>
              ) : null}
              <li>
                <span className="requirement-list__label">Minimum years</span>
                {ranking.minYears === null ? (
                  <span className="muted small">not set</span>
                ) : (
                  <span
                    className={`skill-flag ${ranking.meetsMinYears ? "skill-flag--met" : "skill-flag--missing"}`}
                    data-testid="min-years-flag"
                  >
                    {ranking.meetsMinYears ? "✓" : "✗"} {formatYears(candidate.yearsExperience)} of {ranking.minYears}{" "}
                    years
                  </span>
                )}
              </li>
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}

export function ExperienceAndEducation({ candidate }: { candidate: CandidateDetail }) {
  const { experience, education } = candidate;
  return (
    <section className="card facts-card" aria-labelledby="experience-heading" data-testid="experience">
      <h2 id="experience-heading" className="card__title">
        Experience
        {candidate.yearsExperience !== null ? (
          <span className="card__title-note"> · {formatYears(candidate.yearsExperience)} professional years</span>
        ) : null}
      </h2>
      {experience.length === 0 ? (
        <p className="muted small">No dated roles found in the résumé.</p>
      ) : (
        <ol className="timeline">
          {experience.map((role, index) => (
            <li
              key={`${role.span.start}-${index}`}
              className={`timeline__item timeline__item--${role.kind}`}
              data-testid="timeline-entry"
            >
              <span className="timeline__dot" aria-hidden="true" />
              <div className="timeline__main">
                <p className="timeline__title">
                  {role.title ?? <span className="muted">Untitled role</span>}
                  {KIND_LABELS[role.kind] ? (
                    <span className="badge timeline__kind">{KIND_LABELS[role.kind]}</span>
                  ) : null}
                </p>
                {role.organisation ? <p className="timeline__org">{role.organisation}</p> : null}
              </div>
              <div className="timeline__when">
                <span className="nowrap">
                  {formatMonth(role.start)} – {formatMonth(role.end)}
                </span>
                <span className="muted small">{formatDuration(role.months)}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
      <h3 className="facts-card__label facts-card__label--spaced">
        Education
        {candidate.highestDegree ? (
          <span className="muted"> · highest: {degreeLabel(candidate.highestDegree)}</span>
        ) : null}
      </h3>
      {education.length === 0 ? (
        <p className="muted small">No degree found in the résumé.</p>
      ) : (
        <ul className="education-list">
          {education.map((entry, index) => (
            <li key={`${entry.span.start}-${index}`} data-testid="education-entry">
              <span className="strong">{entry.degree}</span>
              {entry.field ? <span> · {entry.field}</span> : null}
              {entry.institution ? (
                <span className="muted" data-testid="institution">
                  {" "}
                  · {entry.institution}
                </span>
              ) : candidate.identity.visible ? null : (
                <span className="redacted small">school hidden</span>
              )}
              {!entry.completed ? <span className="badge timeline__kind">In progress</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SkillsFound({ candidate }: { candidate: CandidateDetail }) {
  const mustHave = new Set(candidate.ranking?.mustHaves.map((skill) => skill.id) ?? []);
  return (
    <section className="card facts-card" aria-labelledby="skills-heading" data-testid="skills">
      <h2 id="skills-heading" className="card__title">
        Skills found <span className="count">{candidate.skills.length}</span>
      </h2>
      {candidate.skills.length === 0 ? (
        <p className="muted small">No skills from the taxonomy were found.</p>
      ) : (
        (["production", "ml"] as const).map((dimension) => {
          const skills = candidate.skills.filter((skill) => skill.dimension === dimension);
          if (skills.length === 0) return null;
          return (
            <div key={dimension} className="skills-group">
              <h3 className="facts-card__label">
                <span className={`dim-dot dim-dot--${dimension}`} aria-hidden="true" /> {DIMENSION_LABELS[dimension]}
              </h3>
              <ul className="skill-chips">
                {skills.map((skill) => (
                  <li
                    key={skill.id}
                    className={`skill-chip skill-chip--${dimension}${mustHave.has(skill.id) ? " is-must-have" : ""}`}
                    title={skill.areaName}
                  >
                    {skill.name}
                    {mustHave.has(skill.id) ? <span className="visually-hidden"> (must-have)</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

/** "file.txt: "quote"" → the quote, with its source. */
function quoteOf(citation: string): string {
  const at = citation.indexOf(": ");
  return at > 0 ? `${citation.slice(at + 2)} — ${citation.slice(0, at).replace(/\.txt$/, "")}` : citation;
}
