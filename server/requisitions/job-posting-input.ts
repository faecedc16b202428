// The job posting as a form sends it: pasted text (field `postingText`) or a file (`postingFile`,
// read by read-posting-file.ts). One schema for the pasted text, used by the browser and the
// actions; the file is checked on the server only (its bytes are sniffed there).
import { z } from "zod";

/** Longest posting kept, in characters: real postings are 2,000–15,000; this leaves room without storing a book. */
export const POSTING_MAX_CHARS = 50_000;

export const POSTING_MESSAGES = {
  missing: "Paste the job posting or choose its file.",
  empty: "The posting is empty: paste its text (at least a few lines) or choose its file.",
  tooLong: (characters: number) =>
    `The posting is ${characters.toLocaleString("en-US")} characters; at most ` +
    `${POSTING_MAX_CHARS.toLocaleString("en-US")} are kept. Paste only the role's description.`,
  both: "Paste the posting or choose a file, not both.",
  tooLongField: `The pasted posting is longer than ${POSTING_MAX_CHARS.toLocaleString("en-US")} characters. Paste only the role's description.`,
} as const;

/** Pasted text: optional (a file may come instead), but never only blank space or punctuation. */
export const PostingTextSchema = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "")
  .superRefine((value, ctx) => {
    if (value.length > POSTING_MAX_CHARS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: POSTING_MESSAGES.tooLong(value.length) });
    } else if (value !== "" && !/\p{L}/u.test(value)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: POSTING_MESSAGES.empty });
    }
  });

/** The posting form of the review page: the pasted text is required when no file is chosen (checked by the action). */
export const PostingFormSchema = z.object({ postingText: PostingTextSchema });
