// The labelled résumé set (tests/fixtures/labelled): fictional résumés written as text, with
// the expected fields in labels.json, rendered at test time to the format each one is meant
// to arrive in (plain text, a one-column PDF, a two-column PDF, a DOCX).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { DegreeLevelSchema } from "../../server/contract/screening-result.ts";
import { makePdf, makeTwoColumnPdf } from "./pdf-writer.ts";
import { makeDocx } from "./zip-writer.ts";

export const LABELLED_DIR = resolve(import.meta.dirname, "../fixtures/labelled");

const LabelSchema = z.object({
  file: z.string(),
  render: z.enum(["txt", "pdf", "pdf-two-column", "docx"]),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  yearsExperience: z.number(),
  highestDegree: DegreeLevelSchema,
});
export type Label = z.infer<typeof LabelSchema>;

const LabelsSchema = z.object({ now: z.string(), resumes: z.array(LabelSchema).min(20) });

export function readLabels(): { now: Date; resumes: Label[] } {
  const parsed = LabelsSchema.parse(JSON.parse(readFileSync(join(LABELLED_DIR, "labels.json"), "utf8")));
  return { now: new Date(parsed.now), resumes: parsed.resumes };
}

/** The bytes of a labelled résumé in its intended format, and a file name with the right extension. */
export function renderLabelled(label: Label): { bytes: Uint8Array; fileName: string } {
  const text = readFileSync(join(LABELLED_DIR, label.file), "utf8");
  const lines = text.replace(/\n$/, "").split("\n");
  const base = label.file.replace(/\.txt$/, "");
  switch (label.render) {
    case "txt":
      return { bytes: new TextEncoder().encode(text), fileName: `${base}.txt` };
    case "pdf":
      return { bytes: makePdf(lines), fileName: `${base}.pdf` };
    case "docx":
      return { bytes: makeDocx(lines), fileName: `${base}.docx` };
    case "pdf-two-column":
      return { bytes: twoColumn(lines), fileName: `${base}.pdf` };
  }
}

/** "--- main ---" and "--- sidebar ---" (or "--- sidebar-right ---") split the text into columns. */
function twoColumn(lines: string[]): Uint8Array {
  const main = lines.indexOf("--- main ---");
  const sidebarAt = lines.findIndex((line) => line.startsWith("--- sidebar"));
  if (main === -1 || sidebarAt === -1)
    throw new Error("a two-column résumé needs --- main --- and --- sidebar --- markers");
  return makeTwoColumnPdf({
    header: lines.slice(0, main),
    main: lines.slice(main + 1, sidebarAt),
    sidebar: lines.slice(sidebarAt + 1),
    sidebarSide: lines[sidebarAt] === "--- sidebar-right ---" ? "right" : "left",
  });
}
