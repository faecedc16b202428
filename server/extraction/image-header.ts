// Reads a PNG's or JPEG's dimensions from its header bytes, BEFORE anything decodes it: a
// 20,000 × 20,000 PNG is a few KB on disk and 1.6 GB once decoded (a decompression bomb), so
// the pixel count is checked on the declared size. A file cut short (no IEND / no EOI) is
// refused here too: decoders fill the missing part with grey instead of failing.
//
// The bytes handed to OCR keep only what draws the picture: EXIF, text chunks, ICC profiles and
// thumbnails are dropped (tesseract.js would otherwise rotate by an EXIF orientation tag, and
// metadata is attacker-chosen input that nothing here needs).
import { startsWithBytes } from "./byte-signatures.ts";
import { extractionErrors } from "./errors.ts";

export type ImageFormat = "png" | "jpeg";

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Chunks that draw the picture; every other chunk (text, EXIF, ICC, time…) is metadata. */
const PNG_KEPT_CHUNKS = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS"]);

export function imageFormatOf(bytes: Uint8Array): ImageFormat | null {
  if (startsWithBytes(bytes, PNG_SIGNATURE)) return "png";
  if (startsWithBytes(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  return null;
}

/** Dimensions, checked against `maxPixels`; throws a named ExtractionError for damaged or oversized images. */
export function readImageHeader(bytes: Uint8Array, maxPixels: number): ImageHeader {
  const format = imageFormatOf(bytes);
  if (format === null) throw extractionErrors.corruptImage("image");
  const header = format === "png" ? readPng(bytes).header : readJpeg(bytes).header;
  if (header.width === 0 || header.height === 0) throw extractionErrors.corruptImage(format);
  if (header.width * header.height > maxPixels) {
    throw extractionErrors.tooManyPixels(header.width, header.height, maxPixels);
  }
  return header;
}

/** The image without its metadata (see the header comment); the bytes must have passed readImageHeader. */
export function stripImageMetadata(bytes: Uint8Array): Uint8Array {
  const format = imageFormatOf(bytes);
  if (format === "png") return concat([bytes.subarray(0, 8), ...readPng(bytes).kept]);
  if (format === "jpeg") return concat(readJpeg(bytes).kept);
  return bytes;
}

function readPng(bytes: Uint8Array): { header: ImageHeader; kept: Uint8Array[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [];
  let header: ImageHeader | null = null;
  let offset = 8;
  let ended = false;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    // A chunk running past the end of the file: the file was cut short.
    if (end > bytes.length) throw extractionErrors.truncatedImage("png");
    if (type === "IHDR") {
      if (header !== null || offset !== 8 || length < 8) throw extractionErrors.corruptImage("png");
      header = { format: "png", width: view.getUint32(offset + 8), height: view.getUint32(offset + 12) };
    }
    if (PNG_KEPT_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === "IEND") {
      ended = true;
      break;
    }
  }
  // IHDR must come first; IEND marks a file that was not cut short.
  if (header === null) throw extractionErrors.corruptImage("png");
  if (!ended) throw extractionErrors.truncatedImage("png");
  return { header, kept };
}

/** Start-of-frame markers (baseline, progressive, lossless…); C4, C8 and CC are other tables. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readJpeg(bytes: Uint8Array): { header: ImageHeader; kept: Uint8Array[] } {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let header: ImageHeader | null = null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw extractionErrors.corruptImage("jpeg");
    const marker = bytes[offset + 1]!;
    // Fill bytes (FF FF …) may pad between segments.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) break;
    if (isStartOfFrame(marker)) {
      if (length < 7) throw extractionErrors.corruptImage("jpeg");
      header = {
        format: "jpeg",
        height: (bytes[offset + 5]! << 8) | bytes[offset + 6]!,
        width: (bytes[offset + 7]! << 8) | bytes[offset + 8]!,
      };
    }
    // APPn (EXIF, XMP, ICC, Photoshop…) and comments are metadata; APP0 (JFIF) and APP14
    // (Adobe: says whether the colours are RGB or YCbCr) change how pixels decode.
    const metadata = (marker >= 0xe1 && marker <= 0xed) || marker === 0xef || marker === 0xfe;
    if (marker === 0xda) {
      // Start of scan: entropy-coded data follows up to the end of image (FF D9). Inside it a
      // FF is always followed by 00 or a restart marker, so FF D9 appears only as the real end.
      if (header === null) throw extractionErrors.corruptImage("jpeg");
      const eoi = lastIndexOfEndOfImage(bytes, end);
      if (eoi < 0) break;
      kept.push(bytes.subarray(offset, eoi + 2));
      return { header, kept };
    }
    if (!metadata) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  // Ran out of bytes before the picture's data ended: a truncated file.
  throw extractionErrors.truncatedImage("jpeg");
}

function lastIndexOfEndOfImage(bytes: Uint8Array, from: number): number {
  for (let i = bytes.length - 2; i >= from; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return i;
  }
  return -1;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
