// Text sniffing accepts anything readable, so a ".pdf" holding a line of text would otherwise
// be screened as a (nonsense) text résumé. When the name promises a binary document format but
// the bytes are only text, the honest verdict is a damaged or mislabelled file. Detection
// itself still comes from the bytes: the name can only refuse a file, never admit one.
import { extractionErrors } from "./errors.ts";
import type { DetectedFileType } from "./detect-file-type.ts";

const BINARY_EXTENSIONS = new Set(["pdf", "docx", "doc"]);

export function checkDeclaredType(fileName: string, detected: DetectedFileType | null): void {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (detected === "txt" && extension && BINARY_EXTENSIONS.has(extension)) {
    throw extractionErrors.mislabelled(extension);
  }
}
