import { describe, expect, it } from "vitest";
import { joinBrokenEmails, layoutOcrPage, type OcrLine } from "./ocr-layout.ts";

/** A line of words at `y` (baseline), each word 10 px per character with one space between. */
function line(y: number, x: number, words: string[], confidence = 95): OcrLine {
  let at = x;
  const placed = words.map((text) => {
    const word = { text, confidence, bbox: { x0: at, y0: y - 20, x1: at + 10 * text.length, y1: y } };
    at = word.bbox.x1 + 8;
    return word;
  });
  return {
    words: placed,
    baseline: { x0: x, y0: y, x1: at, y1: y },
    bbox: { x0: x, y0: y - 20, x1: at, y1: y + 5 },
    rowAttributes: { rowHeight: 26, ascenders: 6, descenders: 5 },
  };
}

describe("layoutOcrPage", () => {
  it("puts a job's dates from the margin block on the title's line, as in the text PDF", () => {
    // tesseract returns the date margin and the job column as separate blocks.
    const dates = { paragraphs: [{ lines: [line(300, 40, ["2018", "–", "2021"])] }] };
    const jobs = {
      paragraphs: [{ lines: [line(300, 260, ["Data", "Scientist,", "Uber"]), line(340, 260, ["Built", "models."])] }],
    };
    const page = layoutOcrPage([dates, jobs]);
    expect(page.text.split("\n")).toEqual(["2018 – 2021 | Data Scientist, Uber", "Built models."]);
  });

  it("weights confidence by letters and drops unsure specks without letters", () => {
    const page = layoutOcrPage([
      {
        paragraphs: [
          {
            lines: [
              line(100, 40, ["Harvey", "Dent"], 90),
              line(140, 40, ["hdent@email.com"], 60),
              line(180, 40, ["~"], 10),
            ],
          },
        ],
      },
    ]);
    expect(page.text).toBe("Harvey Dent\nhdent@email.com");
    // 10 letters at 90, 13 letters and digits at 60.
    expect(page.confidence).toBeCloseTo((10 * 90 + 13 * 60) / 23, 1);
    expect(page.characters).toBe(23);
  });
});

describe("joinBrokenEmails", () => {
  it("joins an address OCR broke around the @ (as read in scans of real résumés)", () => {
    expect(joinBrokenEmails("JERAD WILLIAMS\nJwilliams8969(@ comcast.net * linkedin.com")).toBe(
      "JERAD WILLIAMS\nJwilliams8969@comcast.net * linkedin.com",
    );
    expect(joinBrokenEmails("prateek21 @gmail.com | +91-8337055526")).toBe("prateek21@gmail.com | +91-8337055526");
    expect(joinBrokenEmails("maya.chen@ example.co.uk")).toBe("maya.chen@example.co.uk");
  });

  it("leaves whole addresses and an @ without a domain after it alone", () => {
    for (const text of ["maya@example.com", "Meet @ 5 pm", "Email: @example.com", "teams of 5 @ scale"]) {
      expect(joinBrokenEmails(text)).toBe(text);
    }
  });
});
