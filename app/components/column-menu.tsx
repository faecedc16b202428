// "Columns" menu of the candidates table: which optional columns show. The choice is the
// recruiter's own, kept in this browser (localStorage), never in the shared URL. Columns that
// are hidden by default so the table fits a laptop are listed apart, under "More columns".
import { useCallback, useEffect, useRef, useState } from "react";
import type { VisibilityState } from "@tanstack/react-table";

// v2: the defaults changed (issue 14: the table fits 1280 px); choices saved under v1 were made
// against the old defaults and would bring the sideways scroll back.
const STORAGE_KEY = "mle:candidates-table:columns:v2";

export interface ColumnOption {
  id: string;
  label: string;
  /** Hidden by default (low priority): listed under "More columns". */
  more?: boolean;
}

/** Hidden columns, read from localStorage after hydration (the server renders the defaults). */
export function useColumnVisibility(defaults: VisibilityState) {
  const [visibility, setVisibility] = useState<VisibilityState>(defaults);
  // The defaults of the first render: stored choices are merged over them once, after hydration.
  const initial = useRef(defaults);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(STORAGE_KEY);
      if (stored) setVisibility({ ...initial.current, ...(JSON.parse(stored) as VisibilityState) });
    } catch {
      // Private mode or a broken value: the defaults are fine.
    }
  }, []);
  const update = useCallback((next: VisibilityState) => {
    setVisibility(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Not persisted; still applied.
    }
  }, []);
  const reset = useCallback(() => {
    setVisibility(defaults);
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // ignore
    }
  }, [defaults]);
  return { visibility, update, reset };
}

export function ColumnMenu({
  options,
  visibility,
  locked,
  onChange,
  onReset,
}: {
  options: readonly ColumnOption[];
  visibility: VisibilityState;
  /** Columns that cannot be hidden right now (the ones the table is sorted by). */
  locked: ReadonlySet<string>;
  onChange: (next: VisibilityState) => void;
  onReset: () => void;
}) {
  const menu = useRef<HTMLDetailsElement>(null);
  // Close on a click outside or on Escape, like any menu.
  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
        return;
      }
      if (!details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const hiddenCount = options.filter((option) => visibility[option.id] === false && !locked.has(option.id)).length;
  return (
    <details className="column-menu" ref={menu} data-testid="column-menu">
      <summary className="button button--small button--ghost">
        Columns{hiddenCount > 0 ? <span className="column-menu__count">{hiddenCount} hidden</span> : null}
      </summary>
      <div className="column-menu__panel">
        {[
          { legend: "Show columns", group: options.filter((option) => !option.more) },
          { legend: "More columns", group: options.filter((option) => option.more) },
        ].map(({ legend, group }) =>
          group.length > 0 ? (
            <fieldset key={legend} className="column-menu__group">
              <legend className="column-menu__legend">{legend}</legend>
              {group.map((option) => (
                <label key={option.id} className="column-menu__option">
                  <input
                    type="checkbox"
                    checked={visibility[option.id] !== false || locked.has(option.id)}
                    disabled={locked.has(option.id)}
                    onChange={(event) => onChange({ ...visibility, [option.id]: event.currentTarget.checked })}
                    data-testid={`column-toggle-${option.id}`}
                  />
                  {option.label}
                  {locked.has(option.id) ? <span className="column-menu__note">sorted</span> : null}
                </label>
              ))}
            </fieldset>
          ) : null,
        )}
        <button type="button" className="button button--small button--ghost column-menu__reset" onClick={onReset}>
          Reset to default
        </button>
        <p className="column-menu__hint">Saved in this browser.</p>
      </div>
    </details>
  );
}
