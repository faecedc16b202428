// A field's error under it, with the id its input's aria-describedby points at (conform's
// getInputProps sets aria-invalid and aria-describedby from the same field metadata).
export function FieldError({ field }: { field: { errorId: string; errors?: string[] } }) {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="field__error">
      {field.errors[0]}
    </p>
  );
}
