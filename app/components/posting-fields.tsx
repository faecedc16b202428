// The job posting's two inputs: paste its text, or choose its file (PDF, DOCX, TXT, Markdown). Used
// by the new-requisition form and the draft review page; the form around them must be
// multipart (encType="multipart/form-data"). Errors come from the action (app/lib/job-posting.server.ts)
// keyed by field name, and each input's aria-describedby points at its error or its hint.
export interface PostingFieldErrors {
  postingText?: string;
  postingFile?: string;
}

export function PostingFields({
  errors = {},
  defaultText,
  optional = false,
  textLabel = "Paste the job posting",
}: {
  errors?: PostingFieldErrors;
  defaultText?: string;
  optional?: boolean;
  textLabel?: string;
}) {
  return (
    <div className="posting-fields" data-testid="posting-fields">
      <div className="field">
        <label htmlFor="postingText" className="field__label">
          {textLabel} {optional ? <span className="field__optional">optional</span> : null}
        </label>
        <textarea
          id="postingText"
          name="postingText"
          rows={8}
          defaultValue={defaultText}
          aria-invalid={errors.postingText ? true : undefined}
          aria-describedby={errors.postingText ? "postingText-error" : "postingText-hint"}
          placeholder="Machine Learning Engineer … Requirements: 3+ years of Python …"
        />
        {errors.postingText ? (
          <p id="postingText-error" className="field__error" data-testid="posting-text-error">
            {errors.postingText}
          </p>
        ) : (
          <p id="postingText-hint" className="field__hint">
            The whole posting, with its headings (Requirements, Nice to have, …): the draft reads its structure.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="postingFile" className="field__label">
          or upload its file <span className="field__optional">PDF, DOCX, TXT or Markdown</span>
        </label>
        <input
          id="postingFile"
          name="postingFile"
          type="file"
          accept=".pdf,.docx,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
          aria-invalid={errors.postingFile ? true : undefined}
          aria-describedby={errors.postingFile ? "postingFile-error" : "postingFile-hint"}
          data-testid="posting-file"
        />
        {errors.postingFile ? (
          <p id="postingFile-error" className="field__error" data-testid="posting-file-error">
            {errors.postingFile}
          </p>
        ) : (
          <p id="postingFile-hint" className="field__hint">
            Read like a résumé: the type from its bytes, the same size and page limits.
          </p>
        )}
      </div>
    </div>
  );
}
