// Notes on an application: newest first, and a form for those allowed to write them.
import { useFetcher } from "@remix-run/react";
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useEffect, useState } from "react";
import { NoteFormSchema, type NoteView } from "@server/candidates/notes.ts";
import { RelativeTime } from "~/components/relative-time.tsx";

export interface NoteActionData {
  intent: "note";
  ok: boolean;
  error?: string;
  reply: SubmissionResult<string[]>;
}

export function CandidateNotes({
  notes,
  canWrite,
  maxLength,
  action,
}: {
  notes: readonly NoteView[];
  canWrite: boolean;
  maxLength: number;
  action: string;
}) {
  const fetcher = useFetcher<NoteActionData>({ key: "candidate-note" });
  const [length, setLength] = useState(0);
  const saving = fetcher.state !== "idle";
  // One schema (server/candidates/notes.ts) checks the note here and again in the action.
  const [form, fields] = useForm({
    id: "candidate-note",
    lastResult: fetcher.state === "idle" ? fetcher.data?.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NoteFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const error = fields.body.errors?.[0];
  const hintId = `${fields.body.id}-hint`;

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setLength(0);
  }, [fetcher.state, fetcher.data]);

  return (
    <section className="card notes" aria-labelledby="notes-heading" data-testid="notes">
      <h2 id="notes-heading" className="card__title">
        Notes <span className="count">{notes.length}</span>
      </h2>
      {canWrite ? (
        <fetcher.Form method="post" action={action} className="notes__form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="note" />
          <div className="field">
            <label htmlFor={fields.body.id} className="field__label">
              Add a note
            </label>
            <textarea
              {...getTextareaProps(fields.body, { ariaDescribedBy: error ? undefined : hintId })}
              rows={3}
              maxLength={maxLength}
              placeholder="What stood out, what to ask in the interview…"
              onChange={(event) => setLength(event.currentTarget.value.length)}
              data-testid="note-input"
            />
            {error ? (
              <p id={fields.body.errorId} className="field__error" role="alert" data-testid="note-error">
                {error}
              </p>
            ) : (
              <p id={hintId} className="field__hint">
                {length.toLocaleString("en")} / {maxLength.toLocaleString("en")} characters. Notes are visible to
                everyone on this requisition.
              </p>
            )}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving} data-testid="note-submit">
              {saving ? "Saving…" : "Add note"}
            </button>
          </div>
        </fetcher.Form>
      ) : null}
      {notes.length === 0 ? (
        <p className="muted notes__empty" data-testid="notes-empty">
          No notes yet.
        </p>
      ) : (
        <ol className="note-list">
          {notes.map((note) => (
            <li key={note.id} className="note" data-testid="note">
              <div className="note__meta">
                <span className="strong">{note.author?.name ?? "Former user"}</span>
                <span className="muted">
                  {" · "}
                  <RelativeTime iso={note.createdAt} />
                </span>
              </div>
              <p className="note__body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
