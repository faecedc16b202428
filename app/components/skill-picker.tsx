// A searchable multi-select over the taxonomy's skills: a text input with a <datalist> of skill
// names; picking or typing a name adds it as a chip. The chips post skill ids as hidden inputs.
import { useId, useState, type KeyboardEvent } from "react";

export interface SkillOption {
  id: string;
  name: string;
}

export const SKILL_DATALIST_ID = "skill-options";

/** One <datalist> shared by every picker on the page. */
export function SkillDatalist({ skills }: { skills: readonly SkillOption[] }) {
  return (
    <datalist id={SKILL_DATALIST_ID}>
      {skills.map((skill) => (
        <option key={skill.id} value={skill.name} />
      ))}
    </datalist>
  );
}

export function SkillPicker({
  name,
  label,
  hint,
  skills,
  selected,
  onChange,
  error,
}: {
  name: string;
  label: string;
  hint: string;
  skills: readonly SkillOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const inputId = useId();
  const [query, setQuery] = useState("");
  const [notFound, setNotFound] = useState(false);
  const byId = new Map(skills.map((skill) => [skill.id, skill]));

  const exact = (text: string) => skills.find((skill) => skill.name.toLowerCase() === text.trim().toLowerCase());
  const add = (skill: SkillOption) => {
    if (!selected.includes(skill.id)) onChange([...selected, skill.id]);
    setQuery("");
    setNotFound(false);
  };
  const addBestMatch = () => {
    const text = query.trim().toLowerCase();
    if (!text) return;
    const match =
      exact(text) ??
      skills.find((skill) => skill.name.toLowerCase().startsWith(text)) ??
      skills.find((skill) => skill.name.toLowerCase().includes(text));
    if (match) add(match);
    else setNotFound(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      // Enter adds the skill instead of submitting the whole form.
      event.preventDefault();
      addBestMatch();
    }
  };

  return (
    <div className="field skill-picker" data-testid={`skills-${name}`}>
      <label htmlFor={inputId} className="field__label">
        {label} <span className="field__optional">optional</span>
      </label>
      <div className="skill-picker__row">
        <input
          id={inputId}
          type="text"
          list={SKILL_DATALIST_ID}
          value={query}
          autoComplete="off"
          placeholder="Search skills, e.g. PyTorch"
          aria-describedby={`${inputId}-hint`}
          aria-invalid={error || notFound ? true : undefined}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setNotFound(false);
            // Choosing an option from the datalist fills the exact name: add it right away.
            const match = exact(value);
            if (match) add(match);
            else setQuery(value);
          }}
        />
        <button type="button" className="button button--small" onClick={addBestMatch} disabled={!query.trim()}>
          Add
        </button>
      </div>
      {selected.length > 0 ? (
        <ul className="chips" aria-label={`${label} selected`}>
          {selected.map((id) => {
            const skillName = byId.get(id)?.name ?? id;
            return (
              <li key={id} className="chip" data-testid="skill-chip">
                <input type="hidden" name={name} value={id} />
                {skillName}
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={`Remove ${skillName}`}
                  onClick={() => onChange(selected.filter((other) => other !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p id={`${inputId}-hint`} className={notFound ? "field__error" : "field__hint"} aria-live="polite">
        {notFound ? `No skill matches “${query.trim()}”. Pick one from the list.` : hint}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}
