// Reads the list of entries of a ZIP archive (names and declared sizes) without unpacking
// anything: enough to tell a DOCX from other ZIPs and to refuse zip bombs before mammoth
// inflates them. Only the classic ZIP format is parsed; ZIP64 size markers are kept as
// 0xFFFFFFFF, which reads as "huge" to the size cap (DOCX files never need ZIP64).

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const MAX_COMMENT = 0xffff;

/** The entries of a ZIP archive, or null when the bytes are not a readable ZIP. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readCentralDirectory(bytes, view) ?? readLocalHeaders(bytes, view);
}

function readCentralDirectory(bytes: Uint8Array, view: DataView): ZipEntry[] | null {
  const end = findEndOfDirectory(view);
  if (end === null) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      return null;
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: decodeName(bytes, offset + 46, nameLength),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(view: DataView): number | null {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let offset = last; offset >= first; offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  return null;
}

/** Fallback for truncated archives: walk the local headers from the start while sizes are known. */
function readLocalHeaders(bytes: Uint8Array, view: DataView): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (offset + 30 <= view.byteLength && view.getUint32(offset, true) === LOCAL_HEADER) {
    const flags = view.getUint16(offset + 6, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    entries.push({
      name: decodeName(bytes, offset + 30, nameLength),
      compressedSize,
      uncompressedSize: view.getUint32(offset + 22, true),
    });
    // Bit 3: sizes follow the data, so the next header cannot be located from here.
    if (flags & 0x08) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return entries.length > 0 ? entries : null;
}

function decodeName(bytes: Uint8Array, start: number, length: number): string {
  return new TextDecoder("utf-8").decode(bytes.subarray(start, Math.min(start + length, bytes.length)));
}
