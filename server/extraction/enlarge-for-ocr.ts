// Small pictures are enlarged before OCR. tesseract's LSTM model reads best with letters about
// 20–30 px high; in a 150-dpi scan the 9–10 pt type of a résumé's header is half that, and real
// résumés lost their e-mail address to it ("@" read as "G", "." as a space, "e" as "c"). Enlarged
// 1.5× (smoothly, as a 225-dpi render of the same scan) all three read exactly (measured on scans
// of ../shared/corpus/public, tests/integration/real-scans.test.ts; docs/extraction.md §6).
// Pictures already this large (phone photos, PDF pages rendered at OCR_RENDER_DPI) are read as
// they are. The size comes from the header, checked against MAX_IMAGE_PIXELS before any decoding.
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { readImageHeader } from "./image-header.ts";

/** Pictures with a shorter side under this many pixels (≈ 210 dpi for a letter or A4 page) are enlarged. */
export const OCR_MIN_SHORT_SIDE = 1_800;

/**
 * The factor a `width` × `height` picture is enlarged by before OCR (1: read as it is): 1.5×, as a
 * 150-dpi scan rendered at OCR_RENDER_DPI (225), or 2× under half the size. Fixed factors, not
 * "up to 1,800 px": a 150-dpi page enlarged 1.41× misread "priya-raman-ml" as "…-mi" where 1.5×
 * and 2× read it exactly.
 */
export function enlargementFor(width: number, height: number): number {
  const shortSide = Math.min(width, height);
  if (shortSide >= OCR_MIN_SHORT_SIDE) return 1;
  return shortSide < OCR_MIN_SHORT_SIDE / 2 ? 2 : 1.5;
}

/** A PNG or JPEG (metadata already stripped) enlarged for OCR as a PNG, or the same bytes when large enough. */
export async function enlargeForOcr(image: Uint8Array, maxPixels: number): Promise<Uint8Array> {
  const { width, height } = readImageHeader(image, maxPixels);
  const factor = enlargementFor(width, height);
  if (factor === 1) return image;
  const picture = await loadImage(Buffer.from(image));
  const canvas = createCanvas(Math.round(width * factor), Math.round(height * factor));
  const context = canvas.getContext("2d");
  // White under transparent pixels (tesseract would read them as black).
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return new Uint8Array(canvas.toBuffer("image/png"));
}
