// Decides whether bytes are human-readable text, and whether that text is really a markup or
// data format (HTML, SVG, XML, JSON, RTF) that must not be screened as a résumé.
import { decodeText, readBom } from "./decode-text.ts";

const SAMPLE_BYTES = 64 * 1024;
/** Share of unreadable characters above which a file is treated as binary. */
const MAX_UNREADABLE_SHARE = 0.02;
const UNREADABLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;

export type TextKind = "text" | "html" | "svg" | "xml" | "json" | "rtf" | "markup";

/** What kind of text the bytes hold, or null when they are not text at all. */
export function sniffText(bytes: Uint8Array): TextKind | null {
  const bom = readBom(bytes);
  const isUtf16 = bom?.encoding === "utf-16le" || bom?.encoding === "utf-16be";
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // NUL never occurs in text files except as half of a UTF-16 code unit.
  if (!isUtf16 && sample.includes(0)) return null;
  const { text } = decodeText(sample, { partial: bytes.length > SAMPLE_BYTES });
  if (text.length > 0 && (text.match(UNREADABLE)?.length ?? 0) / text.length > MAX_UNREADABLE_SHARE) {
    return null;
  }
  return classify(text.trimStart(), bytes);
}

function classify(start: string, bytes: Uint8Array): TextKind {
  const head = start.slice(0, 512).toLowerCase();
  if (head.startsWith("{\\rtf")) return "rtf";
  if (head.startsWith("<")) {
    if (head.startsWith("<!doctype html") || /^<(html|head|body)[\s>]/.test(head)) return "html";
    if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "svg";
    if (head.startsWith("<?xml")) return "xml";
    // Any other leading tag (<!--, <script, <div...): a plain-text résumé never starts with one.
    if (/^<[!?a-z]/.test(head)) return "markup";
  }
  if ((head.startsWith("{") || head.startsWith("[")) && isJson(bytes)) return "json";
  return "text";
}

function isJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(decodeText(bytes).text);
    return true;
  } catch {
    return false;
  }
}
