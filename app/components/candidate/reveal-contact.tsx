// Blind review on the candidate page (issue 13, defect 6): "Reveal contact for this file" on a
// file that could not be read (a recruiter must reach the person for another copy), and the list
// of who keeps seeing this candidate's identity beyond the shortlist rule, shown to the whole team.
// The rule and the audit live in server/privacy/identity-reveal.ts.
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { RelativeTime } from "~/components/relative-time.tsx";

export interface RevealActionData {
  intent: "reveal";
  ok: boolean;
  error?: string;
}

export function RevealContact({
  action,
  minLength,
  maxLength,
}: {
  action: string;
  minLength: number;
  maxLength: number;
}) {
  const fetcher = useFetcher<RevealActionData>({ key: "candidate-reveal" });
  const [length, setLength] = useState(0);
  const busy = fetcher.state !== "idle";
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  return (
    <details className="reveal-contact" data-testid="reveal-contact" open={error ? true : undefined}>
      <summary className="button button--small">Reveal contact for this file…</summary>
      {/* noValidate: a short reason gets the server's own message under the field (the browser's
          bubble would say nothing about why a reason is needed), spaces included. */}
      <fetcher.Form method="post" action={action} className="reveal-contact__form" noValidate>
        <input type="hidden" name="intent" value="reveal" />
        <p className="small">
          Shows you alone who sent this file (its name, any contact details we have, and the original file) so you can
          ask them for another copy. The team sees that you did it, when, and your reason.
        </p>
        <div className="field">
          <label htmlFor="reveal-reason" className="field__label">
            Reason
          </label>
          <textarea
            id="reveal-reason"
            name="reason"
            rows={2}
            required
            minLength={minLength}
            maxLength={maxLength}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "reveal-error" : "reveal-hint"}
            onChange={(event) => setLength(event.currentTarget.value.trim().length)}
            data-testid="reveal-reason"
          />
          {error ? (
            <p id="reveal-error" className="field__error" role="alert" data-testid="reveal-error">
              {error}
            </p>
          ) : (
            <p id="reveal-hint" className="field__hint small">
              At least {minLength} characters ({length}/{maxLength}), e.g. &ldquo;File is password-protected; asking for
              a PDF&rdquo;.
            </p>
          )}
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary button--small"
            disabled={busy}
            data-testid="reveal-submit"
          >
            {busy ? "Revealing…" : "Reveal contact to me"}
          </button>
        </div>
      </fetcher.Form>
    </details>
  );
}

export interface IdentityRevealView {
  by: string;
  at: string;
  kind: "revealed" | "seen";
  reason: string | null;
}

/** Who sees this candidate's identity beyond the shortlist rule (blind review only). */
export function IdentityReveals({ reveals }: { reveals: readonly IdentityRevealView[] }) {
  if (reveals.length === 0) return null;
  return (
    // Laid out like the stage history beside it (a dot per person, the reason on its own line).
    <section className="card history identity-reveals" aria-labelledby="reveals-heading" data-testid="identity-reveals">
      <h2 id="reveals-heading" className="card__title">
        Identity shown to <span className="count">{reveals.length}</span>
      </h2>
      <p className="muted small">
        Blind review: these people keep seeing who this candidate is, whatever the stage. Every entry is in the audit
        log.
      </p>
      <ul className="history-list identity-reveals__list">
        {reveals.map((reveal) => (
          <li key={`${reveal.by}-${reveal.at}`} className="history-item" data-testid="identity-reveal">
            <span className="history-item__dot" aria-hidden="true" />
            <div>
              <strong>{reveal.by}</strong>{" "}
              {reveal.kind === "revealed" ? "revealed the contact (unreadable file)" : "saw it while shortlisted"},{" "}
              <RelativeTime iso={reveal.at} />
              {reveal.reason ? <q className="identity-reveals__reason muted small">{reveal.reason}</q> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
