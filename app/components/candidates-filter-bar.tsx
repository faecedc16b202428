// Filters above the candidates table. Every control writes the URL (so a view can be shared,
// reloaded and walked with the back button); the server filters. Chips and selects apply at
// once; typed values apply after a pause, on Enter or when the field is left, and only when they
// are valid (an impossible range stays in the field, marked, instead of becoming an error page).
// One row shows search and stage (what triage uses all day); "More filters" opens the rest
// (processing state, background, score ranges, must-haves, years), and starts open when the URL
// sets one of them, so an active filter is never out of sight.
import { Link, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { ProcessingStatus, Stage } from "@server/generated/prisma/enums.ts";
import { STAGE_LABELS, STAGE_ORDER, STATUS_LABELS, STATUS_ORDER } from "~/lib/format.ts";
import {
  activeFilterCount,
  clearFilters,
  FILTER_PARAMS,
  listParam,
  toggleListParam,
  withFilters,
  type FilterParam,
} from "~/lib/table-url.ts";

const TYPING_PAUSE_MS = 450;

/** The filters behind "More filters" (search and stage are always shown). */
const MORE_FILTERS: readonly FilterParam[] = FILTER_PARAMS.filter((key) => key !== "q" && key !== "stage");

export interface FilterBarProps {
  stageCounts: Record<Stage, number>;
  statusCounts: Record<ProcessingStatus, number>;
  backgrounds: ReadonlyArray<{ id: string; label: string }>;
  /** The must-have filter only means something when the requisition sets must-haves. */
  mustHaveCount: number;
}

/**
 * Navigates to a new search string of the same page, keeping the scroll position. Controls show
 * where the view is going at once (a chip clicked is on before the new rows arrive).
 */
function useApplySearch() {
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  // Set in the click handler itself, so a controlled checkbox never flips back while loading.
  const [optimistic, setOptimistic] = useState<{ from: string; to: string } | null>(null);
  const pending =
    navigation.state === "loading" && !navigation.formMethod && navigation.location.pathname === location.pathname
      ? navigation.location.search
      : null;
  useEffect(() => setOptimistic(null), [location.key]);
  const current = optimistic?.from === location.search ? optimistic.to : (pending ?? location.search);
  const latest = useRef(current);
  latest.current = current;
  const apply = useCallback(
    (change: (search: string) => string) => {
      const next = change(latest.current);
      const normalised = next === "?" ? "" : next;
      if (normalised === latest.current) return;
      latest.current = normalised;
      setOptimistic({ from: location.search, to: normalised });
      navigate({ pathname: location.pathname, search: normalised }, { preventScrollReset: true });
    },
    [navigate, location.pathname, location.search],
  );
  return { search: current, apply };
}

export function CandidatesFilterBar({ stageCounts, statusCounts, backgrounds, mustHaveCount }: FilterBarProps) {
  const { search, apply } = useApplySearch();
  const params = new URLSearchParams(search);
  const stages = listParam(search, "stage");
  const statuses = listParam(search, "status");
  const background = listParam(search, "background");
  const active = activeFilterCount(search);
  const moreActive = MORE_FILTERS.filter((key) => (params.get(key) ?? "").trim() !== "").length;
  const [moreOpen, setMoreOpen] = useState(moreActive > 0);
  // A filter set from elsewhere (a link, "Show them", back/forward) opens the panel that holds it.
  useEffect(() => {
    if (moreActive > 0) setMoreOpen(true);
  }, [moreActive]);
  const moreId = useId();
  const setFilters = useCallback(
    (changes: Partial<Record<FilterParam, string | null>>) => apply((current) => withFilters(current, changes)),
    [apply],
  );
  const setFilter = (key: FilterParam, value: string | null) => setFilters({ [key]: value });

  return (
    <form
      className="filter-bar"
      role="search"
      aria-label="Filter candidates"
      data-testid="filter-bar"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="filter-bar__row">
        <SearchBox value={params.get("q") ?? ""} onCommit={(value) => setFilter("q", value)} />
        <ChipGroup legend="Stage" testId="stage-filter">
          {STAGE_ORDER.map((stage) => (
            <Chip
              key={stage}
              label={STAGE_LABELS[stage]}
              count={stageCounts[stage]}
              dotClass={`dot dot--stage-${stage.toLowerCase()}`}
              checked={stages.includes(stage)}
              onToggle={() => apply((current) => toggleListParam(current, "stage", stage, STAGE_ORDER))}
              testId={`filter-stage-${stage}`}
            />
          ))}
        </ChipGroup>
        <div className="filter-bar__end">
          <button
            type="button"
            className={`button button--small button--ghost filter-bar__more${moreOpen ? " is-open" : ""}`}
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen((open) => !open)}
            data-testid="more-filters"
          >
            More filters
            {moreActive > 0 ? <span className="filter-bar__count">{moreActive}</span> : null}
            <span className="filter-bar__caret" aria-hidden="true">
              ▾
            </span>
          </button>
          {active > 0 ? (
            <Link
              to={{ search: clearFilters(search).replace(/^\?$/, "") }}
              preventScrollReset
              className="button button--small button--ghost filter-bar__clear"
              data-testid="clear-filters"
            >
              Clear filters <span className="filter-bar__count">{active}</span>
            </Link>
          ) : null}
        </div>
      </div>
      <div
        className="filter-bar__row filter-bar__row--fields"
        id={moreId}
        hidden={!moreOpen}
        data-testid="more-filters-panel"
      >
        <ChipGroup legend="Processing" testId="status-filter">
          {STATUS_ORDER.map((status) => (
            <Chip
              key={status}
              label={STATUS_LABELS[status]}
              count={statusCounts[status]}
              dotClass={`dot dot--${status.toLowerCase()}`}
              checked={statuses.includes(status)}
              onToggle={() => apply((current) => toggleListParam(current, "status", status, STATUS_ORDER))}
              testId={`filter-status-${status}`}
            />
          ))}
        </ChipGroup>
        <label className="filter-field">
          <span className="filter-field__label">Background</span>
          <select
            value={background.join(",")}
            onChange={(event) => setFilter("background", event.currentTarget.value || null)}
            data-testid="filter-background"
          >
            <option value="">Any</option>
            {background.length > 1 ? <option value={background.join(",")}>{background.length} selected</option> : null}
            {backgrounds.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <ScoreRange name="overall" label="Overall" params={params} onCommit={setFilters} />
        <ScoreRange name="production" label="Production" params={params} onCommit={setFilters} />
        <ScoreRange name="ml" label="ML" params={params} onCommit={setFilters} />
        {mustHaveCount > 0 || params.get("mustHaves") ? (
          <label className="filter-field">
            <span className="filter-field__label">Must-haves</span>
            <select
              value={params.get("mustHaves") ?? ""}
              onChange={(event) => setFilter("mustHaves", event.currentTarget.value || null)}
              data-testid="filter-must-haves"
            >
              <option value="">Any</option>
              <option value="met">All met</option>
              <option value="missing">Some missing</option>
            </select>
          </label>
        ) : null}
        <NumberFilter
          id="filter-yearsMin"
          label="Min years"
          value={params.get("yearsMin") ?? ""}
          min={0}
          max={60}
          step={0.5}
          onCommit={(value) => setFilter("yearsMin", value)}
        />
      </div>
    </form>
  );
}

function ChipGroup({ legend, testId, children }: { legend: string; testId: string; children: ReactNode }) {
  return (
    <fieldset className="chip-group" data-testid={testId}>
      <legend className="chip-group__legend">{legend}</legend>
      <div className="chip-group__chips">{children}</div>
    </fieldset>
  );
}

function Chip({
  label,
  count,
  dotClass,
  checked,
  onToggle,
  testId,
}: {
  label: string;
  count: number;
  dotClass: string;
  checked: boolean;
  onToggle: () => void;
  testId: string;
}) {
  return (
    <label className={`filter-chip${checked ? " is-on" : ""}${count === 0 && !checked ? " is-empty" : ""}`}>
      <input
        type="checkbox"
        className="filter-chip__input"
        checked={checked}
        onChange={onToggle}
        data-testid={testId}
      />
      <span className={dotClass} aria-hidden="true" />
      <span className="filter-chip__label">{label}</span>
      <span className="filter-chip__count">{count}</span>
    </label>
  );
}

/**
 * A text value bound to the URL: shows the URL's value (also after back/forward), keeps what is
 * being typed while the field has focus, and commits after a pause, on Enter or on blur.
 */
function useUrlBoundValue(
  urlValue: string,
  onCommit: (value: string) => void,
  isValid: (value: string) => boolean = () => true,
) {
  const [value, setValue] = useState(urlValue);
  const ref = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const committed = useRef(urlValue);
  useEffect(() => {
    committed.current = urlValue;
    if (typeof document !== "undefined" && document.activeElement === ref.current) return;
    setValue(urlValue);
  }, [urlValue]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (next: string) => {
    clearTimeout(timer.current);
    if (next.trim() === committed.current.trim() || !isValid(next)) return;
    committed.current = next;
    onCommit(next);
  };
  return {
    ref,
    value,
    onChange: (next: string) => {
      setValue(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(next), TYPING_PAUSE_MS);
    },
    onBlur: () => commit(value),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === "Enter") {
        event.preventDefault();
        commit(value);
      } else if (event.key === "Escape" && value !== "") {
        event.preventDefault();
        setValue("");
        commit("");
      }
    },
  };
}

function SearchBox({ value: urlValue, onCommit }: { value: string; onCommit: (value: string) => void }) {
  const field = useUrlBoundValue(urlValue, onCommit);
  // "/" jumps to the search box from anywhere on the page except another field.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      event.preventDefault();
      field.ref.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [field.ref]);
  return (
    <div className="filter-field filter-search">
      <label htmlFor="filter-q" className="filter-field__label">
        Search <span className="visually-hidden">candidates by skill, name or file name</span>
      </label>
      <span className="filter-search__box">
        <span className="filter-search__icon" aria-hidden="true">
          ⌕
        </span>
        <input
          ref={field.ref}
          id="filter-q"
          type="search"
          className="filter-input filter-search__input"
          placeholder="Skill (k8s, PyTorch), name or file…"
          maxLength={100}
          autoComplete="off"
          value={field.value}
          onChange={(event) => field.onChange(event.currentTarget.value)}
          onBlur={field.onBlur}
          onKeyDown={field.onKeyDown}
          aria-keyshortcuts="/"
          data-testid="filter-search"
        />
        <kbd className="filter-search__kbd" aria-hidden="true">
          /
        </kbd>
      </span>
    </div>
  );
}

const inRange = (min: number, max: number) => (value: string) => {
  if (value.trim() === "") return true;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max;
};

function NumberFilter({
  id,
  label,
  value: urlValue,
  min,
  max,
  step = 1,
  onCommit,
}: {
  id: string;
  label: string;
  value: string;
  min: number;
  max: number;
  step?: number;
  onCommit: (value: string) => void;
}) {
  const valid = inRange(min, max);
  const field = useUrlBoundValue(urlValue, onCommit, valid);
  const bad = !valid(field.value);
  return (
    <label className="filter-field" htmlFor={id}>
      <span className="filter-field__label">{label}</span>
      <input
        ref={field.ref}
        id={id}
        type="number"
        inputMode="decimal"
        className="filter-input filter-input--number"
        min={min}
        max={max}
        step={step}
        value={field.value}
        aria-invalid={bad || undefined}
        onChange={(event) => field.onChange(event.currentTarget.value)}
        onBlur={field.onBlur}
        onKeyDown={field.onKeyDown}
        data-testid={id}
      />
    </label>
  );
}

/**
 * Min–max of one score (0–100). Both bounds apply together, after a pause, on Enter or when the
 * range is left; a minimum above the maximum (or a value outside 0–100) is marked and not applied.
 */
function ScoreRange({
  name,
  label,
  params,
  onCommit,
}: {
  name: "overall" | "production" | "ml";
  label: string;
  params: URLSearchParams;
  onCommit: (changes: Partial<Record<FilterParam, string | null>>) => void;
}) {
  const minKey = `${name}Min` as const;
  const maxKey = `${name}Max` as const;
  const urlMin = params.get(minKey) ?? "";
  const urlMax = params.get(maxKey) ?? "";
  const [typed, setTyped] = useState({ min: urlMin, max: urlMax });
  const group = useRef<HTMLFieldSetElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(typed);
  latest.current = typed;
  useEffect(() => {
    if (typeof document !== "undefined" && group.current?.contains(document.activeElement)) return;
    setTyped({ min: urlMin, max: urlMax });
  }, [urlMin, urlMax]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const valid = inRange(0, 100);
  const crossed = typed.min.trim() !== "" && typed.max.trim() !== "" && Number(typed.min) > Number(typed.max);
  const badMin = !valid(typed.min);
  const badMax = !valid(typed.max);
  const errorId = `filter-${name}-error`;
  const error = badMin || badMax ? "0–100" : crossed ? "min above max" : null;

  const commit = () => {
    clearTimeout(timer.current);
    const { min, max } = latest.current;
    const ok = valid(min) && valid(max) && !(min.trim() !== "" && max.trim() !== "" && Number(min) > Number(max));
    if (!ok || (min.trim() === urlMin && max.trim() === urlMax)) return;
    onCommit({ [minKey]: min, [maxKey]: max });
  };
  const change = (bound: "min" | "max", value: string) => {
    setTyped((current) => ({ ...current, [bound]: value }));
    clearTimeout(timer.current);
    timer.current = setTimeout(commit, TYPING_PAUSE_MS);
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    }
  };
  const input = (bound: "min" | "max", bad: boolean) => (
    <input
      id={`filter-${bound === "min" ? minKey : maxKey}`}
      type="number"
      inputMode="decimal"
      className="filter-input filter-input--number"
      min={0}
      max={100}
      aria-label={`${label} score, ${bound === "min" ? "minimum" : "maximum"}`}
      placeholder={bound === "min" ? "0" : "100"}
      value={typed[bound]}
      aria-invalid={bad || crossed || undefined}
      aria-describedby={error ? errorId : undefined}
      onChange={(event) => change(bound, event.currentTarget.value)}
      onKeyDown={keyDown}
      data-testid={`filter-${bound === "min" ? minKey : maxKey}`}
    />
  );
  return (
    <fieldset
      ref={group}
      className="range-filter"
      data-testid={`filter-${name}`}
      onBlur={(event) => {
        if (!group.current?.contains(event.relatedTarget as Node | null)) commit();
      }}
    >
      <legend className="filter-field__label">{label}</legend>
      <div className="range-filter__inputs">
        {input("min", badMin)}
        <span className="range-filter__dash" aria-hidden="true">
          –
        </span>
        {input("max", badMax)}
      </div>
      {error ? (
        <span id={errorId} className="range-filter__error" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
