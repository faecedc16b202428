// Area scores grouped by the two dimensions of the guide's dual requirement. Each area is a
// toggle button: selecting it highlights its evidence lines in the résumé text.
import type { AreaBreakdown } from "@server/candidates/get-candidate.ts";
import type { Dimension } from "@server/contract/screening-result.ts";
import { bandLabel } from "~/lib/format.ts";

export const DIMENSION_LABELS: Record<Dimension, string> = {
  production: "Production engineering",
  ml: "ML depth",
};

/** Below this an area the requisition weighs is a gap (server/ranking/gaps-and-flags.ts GAP_THRESHOLD). */
const GAP_THRESHOLD = 40;

export function scoreBand(score: number): "strong" | "moderate" | "weak" {
  if (score >= 70) return "strong";
  if (score >= GAP_THRESHOLD) return "moderate";
  return "weak";
}

/** "Production engineering: deployment and serving" → "deployment and serving". */
export function guideWords(guideLabel: string): string {
  const at = guideLabel.indexOf(": ");
  return at >= 0 ? guideLabel.slice(at + 2) : guideLabel;
}

export function ScoreBreakdown({
  areas,
  dimensionScores,
  selectedAreaId,
  onSelectArea,
}: {
  areas: readonly AreaBreakdown[];
  dimensionScores: Record<Dimension, number> | null;
  selectedAreaId: string | null;
  onSelectArea: (areaId: string | null) => void;
}) {
  return (
    <section className="card breakdown" aria-labelledby="breakdown-heading" data-testid="score-breakdown">
      <div className="breakdown__header">
        <h2 id="breakdown-heading" className="card__title">
          Score breakdown
        </h2>
        <p className="muted small">Select an area to highlight its evidence in the résumé.</p>
      </div>
      {(["production", "ml"] as const).map((dimension) => (
        <div key={dimension} className="breakdown__group" role="group" aria-labelledby={`dimension-${dimension}`}>
          <h3 id={`dimension-${dimension}`} className="breakdown__dimension">
            <span className={`dim-dot dim-dot--${dimension}`} aria-hidden="true" />
            {DIMENSION_LABELS[dimension]}
            {dimensionScores ? (
              <span className="breakdown__dimension-score">
                {Math.round(dimensionScores[dimension])}{" "}
                <span className="breakdown__dimension-band">{bandLabel(dimensionScores[dimension])}</span>
              </span>
            ) : null}
          </h3>
          <ul className="area-scores">
            {areas
              .filter((area) => area.dimension === dimension)
              .map((area) => {
                const pressed = selectedAreaId === area.id;
                const band = area.weight === 0 ? "off" : scoreBand(area.score);
                const lines = area.evidence.length;
                return (
                  <li key={area.id}>
                    <button
                      type="button"
                      className={`area-score area-score--${band}${pressed ? " is-selected" : ""}`}
                      aria-pressed={pressed}
                      aria-controls="resume-text"
                      data-testid="area-button"
                      data-area={area.id}
                      title={area.description}
                      onClick={() => onSelectArea(pressed ? null : area.id)}
                    >
                      <span className="area-score__name">{area.name}</span>
                      <span className="area-score__value" aria-label={`score ${Math.round(area.score)} of 100`}>
                        {Math.round(area.score)}
                      </span>
                      <span className="area-score__bar" aria-hidden="true">
                        <span
                          className="area-score__fill"
                          style={{ width: `${Math.max(0, Math.min(100, area.score))}%` }}
                        />
                      </span>
                      <span className="area-score__meta">
                        <span className="area-score__guide">{guideWords(area.guideLabel)}</span>
                        <span className="area-score__lines">
                          {lines === 0 ? "no evidence" : `${lines} ${lines === 1 ? "line" : "lines"}`}
                          {area.weight === 0 ? " · not weighed" : area.weight !== 1 ? ` · weight ${area.weight}` : ""}
                        </span>
                      </span>
                    </button>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}
