// Notes on an application: newest first, and a form for those allowed to write them.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { NoteView } from "@server/candidates/notes.ts";
import { RelativeTime } from "~/components/relative-time.tsx";

export interface NoteActionData {
  intent: "note";
  ok: boolean;
  error?: string;
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
  const formRef = useRef<HTMLFormElement>(null);
  const [length, setLength] = useState(0);
  const saving = fetcher.state !== "idle";
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined;

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      formRef.current?.reset();
      setLength(0);
    }
  }, [fetcher.state, fetcher.data]);

  return (
    <section className="card notes" aria-labelledby="notes-heading" data-testid="notes">
      <h2 id="notes-heading" className="card__title">
        Notes <span className="count">{notes.length}</span>
      </h2>
      {canWrite ? (
        <fetcher.Form method="post" action={action} ref={formRef} className="notes__form" noValidate>
          <input type="hidden" name="intent" value="note" />
          <div className="field">
            <label htmlFor="note-body" className="field__label">
              Add a note
            </label>
            <textarea
              id="note-body"
              name="body"
              rows={3}
              maxLength={maxLength}
              required
              placeholder="What stood out, what to ask in the interview…"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "note-error" : "note-hint"}
              onChange={(event) => setLength(event.currentTarget.value.length)}
              data-testid="note-input"
            />
            {error ? (
              <p id="note-error" className="field__error" role="alert" data-testid="note-error">
                {error}
              </p>
            ) : (
              <p id="note-hint" className="field__hint">
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
