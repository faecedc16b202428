// Why a file was refused at intake (nothing stored for it), in words a recruiter can act on.
// One constructor per reason, so the wording is the same wherever it is raised; the codes are
// what the progress view and the JSON API show beside the message.
import { formatBytes } from "../extraction/errors.ts";

export type RefusalCode =
  | "empty"
  | "too_large"
  | "too_many_files"
  | "nested_archive"
  | "encrypted"
  | "corrupt"
  | "unsupported_compression"
  | "internal";

export interface Refusal {
  code: RefusalCode;
  message: string;
}

const NOTHING_STORED = "Nothing from it was stored";
const SPLIT_IT = ` ${NOTHING_STORED}: split it into smaller archives.`;

function quoted(name: string): string {
  return `“${name}”`;
}

export const refusals = {
  emptyFile: (): Refusal => ({ code: "empty", message: "The file is empty (0 bytes)." }),

  /** `size` is null when reading stopped at the limit (the rest was never kept). */
  fileTooLarge: (size: number | null, max: number): Refusal => ({
    code: "too_large",
    message:
      size === null
        ? `The file is larger than ${formatBytes(max)}, the limit per résumé.`
        : `The file is ${formatBytes(size)}; the limit is ${formatBytes(max)} per résumé.`,
  }),

  nestedArchive: (): Refusal => ({
    code: "nested_archive",
    message: "Archives inside an archive are not opened. Unzip it and upload its files, or upload it on its own.",
  }),

  tooManyInArchive: (files: number, max: number): Refusal => ({
    code: "too_many_files",
    message: `The archive holds ${files} files; at most ${max} can be uploaded at once.${SPLIT_IT}`,
  }),

  tooManyInUpload: (files: number, others: number, max: number): Refusal => ({
    code: "too_many_files",
    message:
      `The archive holds ${files} files and ${others} others came with it: more than the ${max} files one upload ` +
      `may hold. ${NOTHING_STORED}; upload it on its own.`,
  }),

  tooManyEntries: (entries: number, max: number): Refusal => ({
    code: "too_many_files",
    message: `The archive has ${entries} entries (files, folders, system files); at most ${max} are read.${SPLIT_IT}`,
  }),

  emptyArchive: (): Refusal => ({
    code: "empty",
    message: "The archive contains no files (only folders or system files).",
  }),

  encryptedArchive: (entry: string): Refusal => ({
    code: "encrypted",
    message:
      `The archive is password-protected (${quoted(entry)} is encrypted), so its files cannot be read. ` +
      `${NOTHING_STORED}; unzip it yourself and upload the files, or send an archive without a password.`,
  }),

  unsupportedCompression: (entry: string, method: number): Refusal => ({
    code: "unsupported_compression",
    message:
      `${quoted(entry)} is compressed with ${compressionName(method)}, which cannot be unpacked here. ` +
      `${NOTHING_STORED}; create the archive again with standard ZIP compression ` +
      "(“Compress” / “Send to → Compressed folder”).",
  }),

  /** `detail` completes “The archive is damaged: …”. */
  corruptArchive: (detail: string): Refusal => ({
    code: "corrupt",
    message: `The archive is damaged: ${detail}. ${NOTHING_STORED}; download or create it again.`,
  }),

  notAZip: (): Refusal => ({
    code: "corrupt",
    message: "The file is named .zip but is not a ZIP archive (or only its first part arrived). Nothing was stored.",
  }),

  /** An entry that inflates past its declared size and past the per-résumé limit: a zip bomb. */
  zipBomb: (entry: string, declared: number, max: number): Refusal => ({
    code: "too_large",
    message:
      `${quoted(entry)} says it is ${formatBytes(declared)} but unpacks to more than ${formatBytes(max)}: ` +
      `the archive is damaged or built to exhaust memory (a “zip bomb”). ${NOTHING_STORED}.`,
  }),

  archiveTooLarge: (declared: number | null, max: number): Refusal => ({
    code: "too_large",
    message:
      declared === null
        ? `The archive unpacks to more than ${formatBytes(max)}, the limit per archive.${SPLIT_IT}`
        : `The archive unpacks to ${formatBytes(declared)}; the limit is ${formatBytes(max)} per archive.${SPLIT_IT}`,
  }),

  internal: (): Refusal => ({
    code: "internal",
    message: "This file could not be stored because of a server error. Try it again.",
  }),
};

/** The phrases refusals quote that are not file names. */
const OWN_QUOTES = new Set(["Compress", "Send to → Compressed folder", "zip bomb"]);

/**
 * A refusal's message with every quoted file name replaced by "a file in it", for blind review:
 * a file name often carries the candidate's name ("“Quentin Secretname CV.txt” is encrypted").
 * Anything quoted that is not one of the refusals' own phrases is taken for a name.
 */
export function withoutFileNames(message: string): string {
  return message.replace(/“([^”]*)”/g, (quote, inner: string) => (OWN_QUOTES.has(inner) ? quote : "a file in it"));
}

function compressionName(method: number): string {
  const names: Record<number, string> = {
    9: "Deflate64 (Windows uses it for large archives)",
    12: "bzip2",
    14: "LZMA",
    93: "Zstandard",
    95: "XZ",
    98: "PPMd",
  };
  return names[method] ?? `an uncommon method (number ${method})`;
}
