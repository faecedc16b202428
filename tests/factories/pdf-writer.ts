// A minimal PDF 1.4 writer (Helvetica, WinAnsi) so tests and the demo seed can create real,
// readable PDFs without a browser or a PDF library. One text row per line; long documents
// flow onto further pages. Output is deterministic: same input, same bytes.

/** Text placed at a point: x from the left edge, y from the top edge, in points. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** Lines that flow down the page, explicit pages of lines, or pages of placed text (columns). */
export type PdfContent = string[] | { pages: string[][] } | { placed: PlacedText[][] };

const PAGE_WIDTH = 612; // US Letter, in points
const PAGE_HEIGHT = 792;
const MARGIN = 56;
const FONT_SIZE = 10;
const LEADING = 13;
export const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);

/** A text PDF: lines flow onto as many pages as needed, or explicit pages of lines. */
export function makePdf(content: PdfContent): Uint8Array {
  if (!Array.isArray(content) && "placed" in content) {
    return writeDocument(content.placed.map((items) => ({ stream: placedStream(items), usesImage: false })));
  }
  const pages = Array.isArray(content) ? paginate(content) : content.pages;
  const contents = pages.map((lines) => textStream(lines));
  return writeDocument(contents.map((stream) => ({ stream, usesImage: false })));
}

/**
 * A two-column page: `header` lines across the top, then `main` and `sidebar` side by side
 * (sidebar on the left or right), each flowing down its own column. Lines must fit their column.
 */
export function makeTwoColumnPdf(options: {
  header: string[];
  main: string[];
  sidebar: string[];
  sidebarSide?: "left" | "right";
}): Uint8Array {
  const placed: PlacedText[] = [];
  let y = MARGIN;
  for (const line of options.header) {
    placed.push({ text: line, x: MARGIN, y, size: FONT_SIZE });
    y += LEADING;
  }
  y += LEADING;
  const sidebarWidth = 150;
  const gutter = 24;
  const left = options.sidebarSide === "right" ? options.main : options.sidebar;
  const right = options.sidebarSide === "right" ? options.sidebar : options.main;
  const rightX =
    MARGIN + (options.sidebarSide === "right" ? PAGE_WIDTH - 2 * MARGIN - sidebarWidth : sidebarWidth + gutter);
  left.forEach((line, i) => placed.push({ text: line, x: MARGIN, y: y + i * LEADING, size: 9 }));
  // Columns never share baselines exactly in real layouts: the second starts a little lower.
  right.forEach((line, i) => placed.push({ text: line, x: rightX, y: y + 3 + i * LEADING, size: 9 }));
  return makePdf({ placed: [placed.filter((item) => item.text.trim() !== "")] });
}

function placedStream(items: PlacedText[]): Uint8Array {
  const rows = items.map(({ text, x, y, size = FONT_SIZE }) => {
    const baseline = PAGE_HEIGHT - y - size;
    return `BT /F1 ${size} Tf ${x} ${baseline.toFixed(2)} Td (${escapeText(text)}) Tj ET\n`;
  });
  return ascii(rows.join(""));
}

/** A PDF whose pages hold only a grey picture: what a scanned résumé looks like to a parser. */
export function makeImageOnlyPdf(pageCount = 1): Uint8Array {
  const stream = ascii(
    `q ${PAGE_WIDTH - 2 * MARGIN} 0 0 ${PAGE_HEIGHT - 2 * MARGIN} ${MARGIN} ${MARGIN} cm /Im1 Do Q\n`,
  );
  return writeDocument(Array.from({ length: pageCount }, () => ({ stream, usesImage: true })));
}

/**
 * A PDF with a standard security handler whose user password is not empty, so readers ask
 * for a password. The keys are made up (no real encryption): enough for a parser to refuse it.
 */
export function makePasswordProtectedPdf(): Uint8Array {
  const hex = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) % 256).toString(16).padStart(2, "0")).join("");
  return writeDocument([{ stream: textStream(["Confidential"]), usesImage: false }], {
    encrypt: `<< /Filter /Standard /V 1 /R 2 /O <${hex(3)}> /U <${hex(7)}> /P -44 >>`,
    id: hex(11).slice(0, 32),
  });
}

function paginate(lines: string[]): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  return pages.length > 0 ? pages : [[]];
}

function textStream(lines: string[]): Uint8Array {
  const rows = lines.map((line, index) => {
    const y = PAGE_HEIGHT - MARGIN - FONT_SIZE - index * LEADING;
    return line.trim() === "" ? "" : `BT /F1 ${FONT_SIZE} Tf ${MARGIN} ${y} Td (${escapeText(line)}) Tj ET\n`;
  });
  return ascii(rows.join(""));
}

/** A PDF literal string body: WinAnsi bytes, with ( ) \ escaped and non-ASCII as octal. */
export function escapeText(text: string): string {
  let out = "";
  for (const byte of encodeWinAnsi(text)) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return out;
}

// The characters WinAnsiEncoding places in 0x80–0x9F; 0xA0–0xFF match Latin-1.
const WIN_ANSI_EXTRA: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Characters outside WinAnsi (Helvetica cannot show them) become "?". */
export function encodeWinAnsi(text: string): number[] {
  return [...text.normalize("NFC")].map((char) => {
    const code = char.codePointAt(0) ?? 0x3f;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) return code;
    return WIN_ANSI_EXTRA[char] ?? 0x3f;
  });
}

interface PageSpec {
  stream: Uint8Array;
  usesImage: boolean;
}

function writeDocument(pages: PageSpec[], security?: { encrypt: string; id: string }): Uint8Array {
  // Objects: 1 catalog, 2 page tree, 3 font, 4 image, then a page and its content per page.
  const pageIds = pages.map((_, i) => 5 + 2 * i);
  const objects: Uint8Array[] = [
    ascii("<< /Type /Catalog /Pages 2 0 R >>"),
    ascii(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`),
    ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    streamObject(
      "/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8",
      new Uint8Array(64).fill(0x99),
    ),
  ];
  pages.forEach((page, i) => {
    const resources = page.usesImage ? "<< /XObject << /Im1 4 0 R >> >>" : "<< /Font << /F1 3 0 R >> >>";
    objects.push(
      ascii(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources ${resources} /Contents ${pageIds[i]! + 1} 0 R >>`,
      ),
      streamObject("", page.stream),
    );
  });
  if (security) objects.push(ascii(security.encrypt));

  const chunks: Uint8Array[] = [ascii("%PDF-1.4\n"), Uint8Array.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
  let length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    for (const chunk of [ascii(`${i + 1} 0 obj\n`), body, ascii("\nendobj\n")]) {
      chunks.push(chunk);
      length += chunk.length;
    }
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
  ].join("\n");
  const extra = security ? ` /Encrypt ${objects.length} 0 R /ID [<${security.id}> <${security.id}>]` : "";
  chunks.push(
    ascii(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R${extra} >>\nstartxref\n${length}\n%%EOF\n`),
  );
  return concat(chunks);
}

function streamObject(dictionary: string, data: Uint8Array): Uint8Array {
  const head = dictionary ? `${dictionary} ` : "";
  return concat([ascii(`<< ${head}/Length ${data.length} >>\nstream\n`), data, ascii("\nendstream")]);
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
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
