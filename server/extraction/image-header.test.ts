import { describe, expect, it } from "vitest";
import { makeOversizedPngHeader } from "../../tests/factories/scan-writer.ts";
import { ExtractionError } from "./errors.ts";
import { readImageHeader, stripImageMetadata } from "./image-header.ts";

const MAX = 40_000_000;
const png = (width: number, height: number) => makeOversizedPngHeader(width, height);

/** A minimal JPEG's segments: SOI, APP0, an EXIF APP1, SOF0 (w × h), SOS, a little data, EOI. */
function jpeg(width: number, height: number): Uint8Array {
  const exif = [0xff, 0xe1, 0x00, 0x10, ...Array.from("Exif\0\0MM\0*\0\0\0\u0008", (c) => c.charCodeAt(0))];
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x04,
    0x4a,
    0x46,
    ...exif,
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x01,
    0x01,
    0x11,
    0x00,
    0xff,
    0xda,
    0x00,
    0x08,
    0x01,
    0x01,
    0x00,
    0x00,
    0x3f,
    0x00,
    0x12,
    0x34,
    0xff,
    0x00,
    0x56,
    0xff,
    0xd9,
  ]);
}

function failure(bytes: Uint8Array): ExtractionError {
  try {
    readImageHeader(bytes, MAX);
  } catch (error) {
    if (error instanceof ExtractionError) return error;
    throw error;
  }
  throw new Error("expected the image to be refused");
}

describe("readImageHeader", () => {
  it("reads PNG and JPEG dimensions from their headers", () => {
    expect(readImageHeader(png(1275, 1650), MAX)).toEqual({ format: "png", width: 1275, height: 1650 });
    expect(readImageHeader(jpeg(3024, 4032), MAX)).toEqual({ format: "jpeg", width: 3024, height: 4032 });
  });

  it("refuses a 20,000 × 20,000 PNG from its 100-byte header, before any decoding", () => {
    const bomb = png(20_000, 20_000);
    expect(bomb.length).toBeLessThan(200);
    const error = failure(bomb);
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/20000 × 20000 pixels \(400 megapixels\); at most 40 megapixels/);
  });

  it("names a truncated JPEG or PNG as corrupt", () => {
    const whole = jpeg(800, 600);
    expect(failure(whole.subarray(0, whole.length - 2))).toMatchObject({ code: "corrupt" });
    expect(failure(whole.subarray(0, 12)).message).toMatch(/cut short/);
    const picture = png(800, 600);
    expect(failure(picture.subarray(0, picture.length - 12)).message).toMatch(/PNG image is cut short/);
  });

  it("names a JPEG without a frame header as corrupt", () => {
    expect(failure(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9])).code).toBe("corrupt");
  });
});

describe("stripImageMetadata", () => {
  it("drops EXIF from a JPEG and text chunks from a PNG, keeping what draws the picture", () => {
    const stripped = stripImageMetadata(jpeg(10, 10));
    expect(Buffer.from(stripped).includes("Exif")).toBe(false);
    expect(readImageHeader(stripped, MAX)).toMatchObject({ width: 10, height: 10 });

    const picture = png(10, 10);
    const text = Uint8Array.from([0, 0, 0, 4, ...Buffer.from("tEXtOops"), 0, 0, 0, 0]);
    const withText = Uint8Array.from([...picture.subarray(0, 33), ...text, ...picture.subarray(33)]);
    expect(Buffer.from(withText).includes("tEXt")).toBe(true);
    const clean = stripImageMetadata(withText);
    expect(Buffer.from(clean).includes("tEXt")).toBe(false);
    expect(clean).toEqual(picture);
  });
});
