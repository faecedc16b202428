// Job posting intake for the routes (new requisition, the draft review page): a form that carries
// pasted text (`postingText`) or a file (`postingFile`), read with the résumé limits. The file is
// held in memory up to MAX_UPLOAD_BYTES (one posting, never many) and read by
// server/requisitions/read-posting-file.ts; every refusal is an AppError naming the field, so the
// form shows it next to the field. Postings come from signed-in staff, not applicants, and are read
// in the web process (the worker's sandboxed parse pool is for résumés).
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { AppError } from "@server/errors/app-error.ts";
import { normalizeText } from "@server/extraction/normalize-text.ts";
import { sanitizeFileName } from "@server/intake/sanitize-file-name.ts";
import { POSTING_MESSAGES, PostingTextSchema } from "@server/requisitions/job-posting-input.ts";
import { readPostingFile, tooLarge, type PostingFileResult } from "@server/requisitions/read-posting-file.ts";
import type { JobPostingInput } from "@server/requisitions/save-job-posting.ts";
import { getConfig } from "@server/services.ts";

export { getJobPosting } from "@server/requisitions/get-job-posting.ts";
export { saveJobPosting } from "@server/requisitions/save-job-posting.ts";

export const POSTING_FILE_FIELD = "postingFile";

/** Text fields of the form (title, description, the pasted posting): far above 50,000 characters of UTF-8. */
const MAX_TEXT_FIELD_BYTES = 512 * 1024;

export interface PostingForm {
  formData: FormData;
  /** The chosen file, or null when none was chosen. */
  file: { name: string; bytes: Uint8Array; overLimit: boolean } | null;
}

/** Reads the form (multipart when a file input is on it; urlencoded otherwise) without keeping more than one posting in memory. */
export async function receivePostingForm(request: Request): Promise<PostingForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.includes("multipart/form-data")) return { formData: await request.formData(), file: null };
  const maxBytes = getConfig().MAX_UPLOAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes + MAX_TEXT_FIELD_BYTES * 2) throw fieldError(POSTING_FILE_FIELD, tooLarge(null, maxBytes));

  let file: PostingForm["file"] = null;
  const fileHandler: UploadHandler = async (part) => {
    if (part.name !== POSTING_FILE_FIELD) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let overLimit = false;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      // Past the limit the rest is read and dropped: the file is refused as too large, never read.
      if (size > maxBytes) overLimit = true;
      else chunks.push(chunk);
    }
    // A file input with nothing chosen still sends an empty part without a name.
    if (!part.filename && size === 0) return undefined;
    file = { name: part.filename ?? "posting", bytes: overLimit ? new Uint8Array() : concat(chunks, size), overLimit };
    return undefined;
  };
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        fileHandler,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_FIELD_BYTES }),
      ),
    );
    return { formData, file };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw new AppError("too_large", POSTING_MESSAGES.tooLongField, {
        issues: [{ path: "postingText", message: POSTING_MESSAGES.tooLongField }],
      });
    }
    if (error instanceof TypeError && /parse content as FormData/.test(error.message)) {
      throw new AppError("invalid_input", "The form could not be read: send it as multipart/form-data.");
    }
    throw error;
  }
}

/**
 * The posting the form carries: the file's text, or the pasted text; null when neither was given
 * and `required` is false. Throws an AppError naming the field for anything that cannot be used.
 */
export async function postingFromForm(
  form: PostingForm,
  options: { required: boolean },
): Promise<JobPostingInput | null> {
  const parsed = PostingTextSchema.safeParse(form.formData.get("postingText") ?? undefined);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? POSTING_MESSAGES.empty;
    throw new AppError("invalid_input", message, { issues: [{ path: "postingText", message }] });
  }
  const pasted = parsed.data;
  if (form.file) {
    if (pasted !== "") {
      throw new AppError("invalid_input", POSTING_MESSAGES.both, {
        issues: [{ path: POSTING_FILE_FIELD, message: POSTING_MESSAGES.both }],
      });
    }
    const fileName = sanitizeFileName(form.file.name);
    const config = getConfig();
    const read = form.file.overLimit
      ? tooLarge(null, config.MAX_UPLOAD_BYTES)
      : await readPostingFile(fileName, form.file.bytes, {
          maxBytes: config.MAX_UPLOAD_BYTES,
          maxPdfPages: config.MAX_PDF_PAGES,
          timeoutMs: config.PARSE_TIMEOUT_MS,
          maxDocxUnpackedBytes: config.MAX_DOCX_UNCOMPRESSED_BYTES,
        });
    if (!read.ok) throw fieldError(POSTING_FILE_FIELD, read);
    const text = PostingTextSchema.safeParse(read.text);
    if (!text.success || text.data === "") {
      const message = text.success ? POSTING_MESSAGES.empty : (text.error.issues[0]?.message ?? POSTING_MESSAGES.empty);
      throw new AppError("invalid_input", message, { issues: [{ path: POSTING_FILE_FIELD, message }] });
    }
    return { text: text.data, fileName };
  }
  if (pasted === "") {
    // A form that sent the field but left it blank asked for a posting: "empty" says so better than "missing".
    const sentBlank = typeof form.formData.get("postingText") === "string" && form.formData.get("postingText") !== "";
    if (!options.required && !sentBlank) return null;
    const message = sentBlank ? POSTING_MESSAGES.empty : POSTING_MESSAGES.missing;
    throw new AppError("invalid_input", message, { issues: [{ path: "postingText", message }] });
  }
  // Pasted text is cleaned as a file's text is, so the draft's spans always point into what is stored.
  return { text: normalizeText(pasted), fileName: null };
}

function fieldError(field: string, failure: Extract<PostingFileResult, { ok: false }>): AppError {
  return new AppError(failure.code === "too_large" ? "too_large" : "invalid_input", failure.message, {
    issues: [{ path: field, message: failure.message }],
  });
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
