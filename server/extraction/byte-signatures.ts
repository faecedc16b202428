// Magic numbers shared by file-type detection and by the wording of "unsupported" errors.
import { readZipDirectory } from "./zip-directory.ts";

export function startsWithBytes(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

export function startsWithAscii(bytes: Uint8Array, text: string, at = 0): boolean {
  return startsWithBytes(
    bytes,
    [...text].map((char) => char.charCodeAt(0)),
    at,
  );
}

/** `%PDF-` anywhere in the first 1024 bytes, as PDF readers accept (some prepend junk). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024) - 5;
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && startsWithAscii(bytes, "%PDF-", i)) return true;
  }
  return false;
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWithAscii(bytes, "PK\u0003\u0004") || startsWithAscii(bytes, "PK\u0005\u0006");
}

export function zipEntryNames(bytes: Uint8Array): string[] {
  return (readZipDirectory(bytes) ?? []).map((entry) => entry.name);
}

export function isDocx(bytes: Uint8Array): boolean {
  return startsWithAscii(bytes, "PK\u0003\u0004") && zipEntryNames(bytes).includes("word/document.xml");
}

/** Compound File Binary (OLE2): Word 97-2003 .doc, .xls, and password-protected Office files. */
export const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Password-protected DOCX/XLSX are OLE2 containers with an "EncryptedPackage" stream. */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  if (!startsWithBytes(bytes, OLE2)) return false;
  const marker = [..."EncryptedPackage"].flatMap((char) => [char.charCodeAt(0), 0]);
  for (let i = 0; i + marker.length <= bytes.length; i++) {
    if (bytes[i] === marker[0] && startsWithBytes(bytes, marker, i)) return true;
  }
  return false;
}

/** Binary formats recognised by their first bytes, with the words used in error messages. */
export const BINARY_SIGNATURES: ReadonlyArray<{ test: (bytes: Uint8Array) => boolean; description: string }> = [
  { test: (b) => startsWithBytes(b, [0x89, 0x50, 0x4e, 0x47]), description: "a PNG image" },
  { test: (b) => startsWithBytes(b, [0xff, 0xd8, 0xff]), description: "a JPEG image" },
  { test: (b) => startsWithAscii(b, "GIF87a") || startsWithAscii(b, "GIF89a"), description: "a GIF image" },
  { test: (b) => startsWithAscii(b, "RIFF") && startsWithAscii(b, "WEBP", 8), description: "a WebP image" },
  { test: (b) => startsWithAscii(b, "II*\u0000") || startsWithAscii(b, "MM\u0000*"), description: "a TIFF image" },
  { test: (b) => startsWithAscii(b, "ftypheic", 4) || startsWithAscii(b, "ftypmif1", 4), description: "a HEIC photo" },
  {
    test: (b) => startsWithAscii(b, "MZ") && b.subarray(0, 64).includes(0),
    description: "a Windows program (executable)",
  },
  { test: (b) => startsWithAscii(b, "\u007fELF"), description: "a Linux program (executable)" },
  {
    test: (b) =>
      startsWithBytes(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
      startsWithBytes(b, [0xce, 0xfa, 0xed, 0xfe]) ||
      startsWithBytes(b, [0xca, 0xfe, 0xba, 0xbe]),
    description: "a macOS program or Java class file",
  },
  { test: (b) => startsWithBytes(b, [0x1f, 0x8b]), description: "a gzip archive" },
  { test: (b) => startsWithAscii(b, "7z\u00bc\u00af\u0027\u001c"), description: "a 7-Zip archive" },
  { test: (b) => startsWithAscii(b, "Rar!"), description: "a RAR archive" },
];
