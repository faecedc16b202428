// Batches of generated résumés for fault tests and the intake benchmark: the five profiles of the
// resume factory, each copy with its own e-mail address (so no two files are identical), half as
// PDF and half as plain text, plus — when asked — files a worker must fail with a named reason.
import type { IntakeFile } from "../../server/intake/intake-resume.ts";
import { makePdf } from "../factories/pdf-writer.ts";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";

export interface BatchOptions {
  /** Every n-th file is a broken PDF (the worker FAILS it as corrupt); 0 for none. */
  brokenEvery?: number;
  /** Name prefix, so files of different batches differ. */
  tag?: string;
}

/** A PDF header over garbage: intake accepts it as a PDF, the worker fails it with a named reason. */
export function brokenPdf(index: number): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage ${index} garbage\n%%EOF`);
}

export function makeResumeBatch(count: number, options: BatchOptions = {}): IntakeFile[] {
  const tag = options.tag ?? "cv";
  return Array.from({ length: count }, (_, index) => {
    if (options.brokenEvery && (index + 1) % options.brokenEvery === 0) {
      return { name: `${tag}-${index}-broken.pdf`, bytes: brokenPdf(index) };
    }
    const profile = PROFILES[index % PROFILES.length]!;
    const [user, domain] = profile.email.split("@");
    const text = makeResumeText(profile).replace(profile.email, `${user}+${tag}${index}@${domain}`);
    return index % 2 === 0
      ? { name: `${tag}-${index}.pdf`, bytes: makePdf(text.split("\n")) }
      : { name: `${tag}-${index}.txt`, bytes: new TextEncoder().encode(text) };
  });
}
