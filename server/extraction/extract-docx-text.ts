// Text of a Word document through mammoth, after making sure it does not unpack to something
// huge: a DOCX is a ZIP, and a "zip bomb" would exhaust memory inside mammoth. The sizes in the
// ZIP directory are written by whoever made the file and can lie, so every part is inflated
// once with a byte budget (counting what actually comes out) before mammoth sees the file.
import type { Readable } from "node:stream";
import mammoth from "mammoth";
import yauzl, { type ZipFile } from "yauzl";
import { ExtractionError, extractionErrors } from "./errors.ts";
import { readZipDirectory } from "./zip-directory.ts";

/** Default for MAX_DOCX_UNCOMPRESSED_BYTES; real résumés unpack to well under 5 MB. */
export const MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024;

export async function extractDocxText(bytes: Uint8Array, maxUnpackedBytes = MAX_DOCX_UNPACKED_BYTES): Promise<string> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw extractionErrors.corruptDocx();
  // Fast refusal when the directory is honest about being too big: nothing is inflated.
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > maxUnpackedBytes) throw extractionErrors.tooMuchUnpacked(declared, maxUnpackedBytes);
  await checkInflatedSize(bytes, maxUnpackedBytes);
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

/**
 * Inflates every part of the document (through yauzl and Node's zlib, as intake does for
 * uploaded archives), keeping nothing and stopping as soon as the total passes the budget.
 */
async function checkInflatedSize(bytes: Uint8Array, maxUnpackedBytes: number): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: false,
    });
  } catch {
    throw extractionErrors.corruptDocx();
  }
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      // An encrypted or exotically compressed part is not something Word writes.
      if (!entry.canDecodeFileData()) throw extractionErrors.corruptDocx();
      const stream: Readable = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        // Leaving the loop destroys the stream: inflating stops here.
        if (total > maxUnpackedBytes) throw extractionErrors.tooMuchUnpacked(null, maxUnpackedBytes);
      }
    }
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw extractionErrors.corruptDocx();
  } finally {
    zip.close();
  }
}
