// A labelled input of a conform form, with its error (or hint) under it. getInputProps wires
// id, name, the value typed before a failed post, aria-invalid and aria-describedby (to the
// error, or to the hint when there is no error).
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes } from "react";

type InputType = "text" | "email" | "password" | "search" | "url" | "tel";

export function TextField<Schema, FormSchema extends Record<string, unknown>>({
  field,
  label,
  type = "text",
  hint,
  optional,
  testId,
  ...input
}: {
  field: FieldMetadata<Schema, FormSchema, string[]>;
  label: string;
  type?: InputType;
  hint?: string;
  optional?: boolean;
  /** data-testid of the error message (e2e). */
  testId?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type" | "defaultValue" | "form">) {
  const invalid = Boolean(field.errors?.length);
  const hintId = `${field.id}-hint`;
  const { key, ...props } = getInputProps(field, {
    type,
    ariaDescribedBy: !invalid && hint ? hintId : undefined,
  });
  return (
    <div className="field">
      <label htmlFor={field.id} className="field__label">
        {label} {optional ? <span className="field__optional">optional</span> : null}
      </label>
      <input key={key} {...props} {...input} />
      {invalid ? (
        <p id={field.errorId} className="field__error" data-testid={testId}>
          {field.errors![0]}
        </p>
      ) : hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
