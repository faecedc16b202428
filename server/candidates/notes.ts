// Notes that recruiters write on an application: short free text, newest first.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";

export const MAX_NOTE_LENGTH = 5_000;

export const NoteBodySchema = z
  .string({ required_error: "Write a note first: it is empty.", invalid_type_error: "Write a note first." })
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a note first: it is empty.")
      .max(
        MAX_NOTE_LENGTH,
        `A note can be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters; shorten it or split it in two.`,
      ),
  );

/** The note form (candidate page): the browser and the action parse it with this schema. */
export const NoteFormSchema = z.object({ intent: z.literal("note"), body: NoteBodySchema });

export interface NoteView {
  id: string;
  body: string;
  createdAt: string;
  author: { id: string; name: string; email: string } | null;
}

const noteSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true, email: true } },
} as const;

function toView(note: { id: string; body: string; createdAt: Date; author: NoteView["author"] }): NoteView {
  return { id: note.id, body: note.body, createdAt: note.createdAt.toISOString(), author: note.author };
}

/** Adds a note (trimmed, 1–5,000 characters); throws an `invalid_input` AppError with a message for the form. */
export async function addNote(
  db: Db,
  input: { applicationId: string; authorId: string | null; body: unknown },
): Promise<NoteView> {
  const parsed = NoteBodySchema.safeParse(input.body);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "This note is not valid.";
    throw new AppError("invalid_input", message, { issues: [{ path: "body", message }] });
  }
  const note = await db.note.create({
    data: { applicationId: input.applicationId, authorId: input.authorId, body: parsed.data },
    select: noteSelect,
  });
  return toView(note);
}

export async function listNotes(db: Db, applicationId: string): Promise<NoteView[]> {
  const notes = await db.note.findMany({
    where: { applicationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: noteSelect,
  });
  return notes.map(toView);
}
