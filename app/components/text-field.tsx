// A labelled input with its error or hint, wired for screen readers.
import type { InputHTMLAttributes } from "react";

export function TextField({
  name,
  label,
  error,
  hint,
  optional,
  testId,
  ...input
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  optional?: boolean;
  testId?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={input.id ?? name} className="field__label">
        {label} {optional ? <span className="field__optional">optional</span> : null}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        {...input}
      />
      {error ? (
        <p id={`${name}-error`} className="field__error">
          {error}
        </p>
      ) : hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
