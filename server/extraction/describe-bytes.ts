// Names what an unsupported file looks like ("a PNG image"), so the recruiter can tell the
// candidate exactly what went wrong instead of "unsupported file".
import {
  BINARY_SIGNATURES,
  OLE2,
  isEncryptedOfficeFile,
  isZip,
  startsWithAscii,
  startsWithBytes,
  zipEntryNames,
} from "./byte-signatures.ts";
import { extractionErrors, type ExtractionError } from "./errors.ts";
import { sniffText, type TextKind } from "./sniff-text.ts";

const TEXT_KINDS: Record<Exclude<TextKind, "text">, string> = {
  html: "an HTML web page",
  svg: "an SVG image",
  xml: "an XML document",
  json: "a JSON data file",
  rtf: "an RTF document",
  markup: "an HTML or XML document",
};

/** A short description of the content, e.g. "a ZIP archive that is not a Word document". */
export function describeUnsupportedBytes(bytes: Uint8Array): string {
  const binary = BINARY_SIGNATURES.find((signature) => signature.test(bytes));
  if (binary) return binary.description;
  if (isZip(bytes)) return describeZip(zipEntryNames(bytes));
  if (startsWithBytes(bytes, OLE2)) return "a legacy Word 97-2003 .doc or other OLE file";
  if (startsWithAscii(bytes, "%!PS")) return "a PostScript file";
  const kind = sniffText(bytes);
  if (kind === null) return "an unrecognised binary file";
  return kind === "text" ? "plain text" : TEXT_KINDS[kind];
}

function describeZip(names: string[]): string {
  if (names.some((name) => name.startsWith("xl/"))) return "an Excel workbook (XLSX)";
  if (names.some((name) => name.startsWith("ppt/"))) return "a PowerPoint presentation (PPTX)";
  if (names.includes("content.xml")) return "an OpenDocument file (e.g. ODT from LibreOffice)";
  if (names.some((name) => name.startsWith("Pages/") || name === "Index/Document.iwa")) {
    return "an Apple Pages document";
  }
  return "a ZIP archive that is not a Word document";
}

/**
 * The error for bytes detectFileType rejected, with advice fitting what they are. A
 * password-protected DOCX is an OLE2 container too, and is reported as encrypted.
 */
export function unsupportedBytesError(bytes: Uint8Array): ExtractionError {
  if (isEncryptedOfficeFile(bytes)) return extractionErrors.encryptedOffice();
  const description = describeUnsupportedBytes(bytes);
  if (startsWithBytes(bytes, OLE2)) {
    return extractionErrors.unsupported(
      description,
      "Ask the candidate for a PDF or DOCX (in Word: File › Save As › Word Document).",
    );
  }
  return extractionErrors.unsupported(description);
}
