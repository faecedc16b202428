// Text of a Word document through mammoth, after checking from the ZIP directory that it does
// not unpack to something huge (a "zip bomb" would exhaust memory inside mammoth).
import mammoth from "mammoth";
import { ExtractionError, extractionErrors } from "./errors.ts";
import { readZipDirectory } from "./zip-directory.ts";

/** Total declared uncompressed size accepted; real résumés unpack to well under 5 MB. */
export const MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024;

export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw extractionErrors.corruptDocx();
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw extractionErrors.tooMuchUnpacked(unpacked, MAX_DOCX_UNPACKED_BYTES);
  }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth ends every paragraph with a blank line; one line per paragraph matches PDF text,
    // and empty paragraphs (Word's spacing) still show as blank lines.
    return result.value.replace(/\n\n/g, "\n");
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw extractionErrors.corruptDocx();
  }
}
