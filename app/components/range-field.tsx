import type { ReactNode } from "react";

/** A labelled slider that shows its value as words ("Production 50% · ML 50%"). */
export function RangeField({
  id,
  name,
  label,
  value,
  valueText,
  onChange,
  min = 0,
  max = 1,
  step = 0.05,
  hint,
  error,
  children,
}: {
  id: string;
  name: string;
  label: ReactNode;
  value: number;
  valueText: string;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  hint?: ReactNode;
  error?: string;
  children?: ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field range-field">
      <div className="range-field__top">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <output htmlFor={id} className="range-field__value" data-testid={`${id}-value`}>
          {valueText}
        </output>
      </div>
      <input
        id={id}
        name={name}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={valueText}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      />
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
