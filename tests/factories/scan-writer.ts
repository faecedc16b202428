// Scans made at test time from generated résumés: a text PDF rendered to a grey 150-dpi picture
// (what a scanner or a phone app makes), saved as PNG or JPEG or wrapped into an image-only PDF.
// Nothing is committed: every scan comes from the same factories as the text versions, so a test
// can compare a scan's reading with its text version's.
import { createRequire } from "node:module";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { PDFParse } from "pdf-parse";
import { escapeText } from "./pdf-writer.ts";

// Helvetica is not embedded in the factories' PDFs: without pdf.js's standard fonts (Liberation
// Sans, shipped in pdfjs-dist) it would be drawn in a fallback serif that no scanner would show.
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, rows top to bottom. */
  pixels: Uint8Array;
}

/** Page `page` of `pdf` rendered at `dpi` in shades of grey (the same renderer the OCR path uses). */
export async function renderGreyPage(
  pdf: Uint8Array,
  options: { dpi?: number; page?: number } = {},
): Promise<GreyImage> {
  const parser = new PDFParse({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONTS,
  });
  try {
    const shot = await parser.getScreenshot({
      scale: (options.dpi ?? 150) / 72,
      partial: [options.page ?? 1],
      imageBuffer: true,
      imageDataUrl: false,
    });
    const png = shot.pages[0]!.data;
    const image = await loadImage(Buffer.from(png));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, image.width, image.height);
    context.drawImage(image, 0, 0);
    const rgba = context.getImageData(0, 0, image.width, image.height).data;
    const pixels = new Uint8Array(image.width * image.height);
    for (let i = 0; i < pixels.length; i++) {
      pixels[i] = Math.round(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!);
    }
    return { width: image.width, height: image.height, pixels };
  } finally {
    await parser.destroy();
  }
}

/** The grey picture encoded as PNG or JPEG (quality 85, like a phone's). */
export function encodeImage(image: GreyImage, format: "png" | "jpeg"): Uint8Array {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  const data = context.createImageData(image.width, image.height);
  for (let i = 0; i < image.pixels.length; i++) {
    const value = image.pixels[i]!;
    data.data.set([value, value, value, 255], 4 * i);
  }
  context.putImageData(data, 0, 0);
  return new Uint8Array(format === "png" ? canvas.toBuffer("image/png") : canvas.toBuffer("image/jpeg", 85));
}

/**
 * A PDF with one US-letter page per picture, each filling its page and without a text layer (an
 * image-only PDF, as scanners make); a `{ lines }` page is ordinary text instead (a mixed PDF).
 */
export function makeScannedPdf(pages: Array<GreyImage | { lines: string[] }>): Uint8Array {
  const objects: Array<string | { dictionary: string; data: Uint8Array }> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + 3 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
  ];
  pages.forEach((image, i) => {
    const [content, picture] = [4 + 3 * i, 5 + 3 * i];
    if ("lines" in image) {
      const text = image.lines
        .map((line, row) => `BT /F1 10 Tf 56 ${730 - 14 * row} Td (${escapeText(line)}) Tj ET`)
        .join("\n");
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${picture} 0 R >> >> /Contents ${content} 0 R >>`,
        { dictionary: "", data: ascii(text) },
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      );
      return;
    }
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 ${picture} 0 R >> >> /Contents ${content} 0 R >>`,
      { dictionary: "", data: ascii("q 612 0 0 792 0 0 cm /Im1 Do Q\n") },
      {
        dictionary: `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
        data: new Uint8Array(deflateSync(image.pixels)),
      },
    );
  });
  const chunks: Uint8Array[] = [ascii("%PDF-1.4\n")];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const body =
      typeof object === "string"
        ? [ascii(object)]
        : [
            ascii(`<< ${object.dictionary} /Length ${object.data.length} >>\nstream\n`),
            object.data,
            ascii("\nendstream"),
          ];
    for (const chunk of [ascii(`${i + 1} 0 obj\n`), ...body, ascii("\nendobj\n")]) {
      chunks.push(chunk);
      length += chunk.length;
    }
  });
  const xref = ["xref", `0 ${objects.length + 1}`, "0000000000 65535 f "]
    .concat(offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `))
    .join("\n");
  chunks.push(ascii(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A PNG that declares `width` × `height` pixels in its IHDR, with one tiny IDAT: a decompression bomb's header, never its pixels. */
export function makeOversizedPngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(ascii(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, 0); // CRC left zero: the header is refused before anything checks it
    return out;
  };
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", new Uint8Array(deflateSync(new Uint8Array(1024)))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
