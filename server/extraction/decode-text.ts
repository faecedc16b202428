// Decodes the bytes of a plain-text file. Résumés saved as .txt arrive as UTF-8 (with or
// without a BOM), as UTF-16 from Windows editors (always with a BOM), or as legacy Windows
// "ANSI" (windows-1252, a superset of Latin-1) when the bytes are not valid UTF-8.

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  encoding: TextEncoding;
  text: string;
}

/** The encoding announced by a byte-order mark, with the mark's length. */
export function readBom(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * Decodes text. `partial` marks a sample cut from a longer file, so a multi-byte character cut
 * at the end does not make valid UTF-8 look invalid.
 */
export function decodeText(bytes: Uint8Array, options: { partial?: boolean } = {}): DecodedText {
  const stream = options.partial ?? false;
  const bom = readBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    return { encoding: bom.encoding, text: new TextDecoder(bom.encoding).decode(body, { stream }) };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream });
    return { encoding: "utf-8", text };
  } catch {
    return { encoding: "windows-1252", text: new TextDecoder("windows-1252").decode(bytes) };
  }
}
