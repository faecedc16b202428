// A minimal ZIP writer for building DOCX files and archives in tests without a zip library:
// stored or deflated entries, and knobs to build the hostile archives intake must refuse (sizes
// that lie, encryption flags, odd compression methods, wrong checksums).
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipInput {
  name: string;
  data: Uint8Array | string;
  /** Deflate the data (method 8) instead of storing it. */
  compress?: boolean;
  /** Overrides the uncompressed size written in the headers (to fake a zip bomb). */
  declaredSize?: number;
  /** Overrides the CRC-32 written in the headers (to fake damaged data). */
  crc?: number;
  /** Sets the "encrypted" flag (bit 0); the data is left as it is. */
  encrypted?: boolean;
  /** Overrides the compression method number (e.g. 9 = Deflate64, 14 = LZMA). */
  method?: number;
  /** More general-purpose flag bits (e.g. 0x40, "strong encryption"). */
  flags?: number;
}

export function makeZip(entries: ZipInput[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const raw = typeof entry.data === "string" ? encoder.encode(entry.data) : entry.data;
    const data = entry.compress ? new Uint8Array(deflateRawSync(raw)) : raw;
    const method = entry.method ?? (entry.compress ? 8 : 0);
    const flags = (entry.encrypted ? 0x01 : 0) | 0x800 | (entry.flags ?? 0); // bit 11: names are UTF-8
    const crc = entry.crc ?? crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, flags, true);
    central.setUint16(10, method, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, data);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const directorySize = centrals.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

export interface DocxOptions {
  /** Deflate the parts, as Word does. */
  compress?: boolean;
  /** Whitespace added to word/document.xml, to make it inflate to this many more bytes. */
  paddingBytes?: number;
  /** Uncompressed size written for word/document.xml, whatever it really is (a lying bomb). */
  declaredDocumentSize?: number;
}

/** A Word document with one paragraph per string. */
export function makeDocx(paragraphs: string[], options: DocxOptions = {}): Uint8Array {
  const body = paragraphs
    .map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`)
    .join("");
  const padding = options.paddingBytes ? " ".repeat(options.paddingBytes) : "";
  const compress = options.compress ?? false;
  return makeZip(
    [
      {
        name: "[Content_Types].xml",
        data:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          "</Types>",
      },
      {
        name: "_rels/.rels",
        data:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          "</Relationships>",
      },
      {
        name: "word/document.xml",
        data:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
          `<w:body>${body}${padding}</w:body></w:document>`,
        compress,
        declaredSize: options.declaredDocumentSize,
      },
    ].map((entry) => ({ compress, ...entry })),
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
