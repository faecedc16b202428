import { describe, expect, it } from "vitest";
import { layoutPageText, type PositionedText } from "./pdf-layout.ts";

/** One run of text at (x, y) in 10 pt type, about 5 pt per character. */
const run = (str: string, x: number, y: number): PositionedText => ({
  str,
  x,
  y,
  width: str.length * 5,
  size: 10,
  fontName: "body",
});

/** A page of entries: title and bullets on the left (x 50), a right-hand column at x 440. */
function page(rightColumn: (entry: number) => [string, string]): PositionedText[] {
  const items: PositionedText[] = [];
  let y = 800;
  for (let entry = 0; entry < 4; entry++) {
    const [first, second] = rightColumn(entry);
    items.push(run(`Research Intern, Lab number ${entry}`, 50, y), run(first, 440, y));
    y -= 14;
    items.push(run(`• Built a thing that mattered for entry ${entry}`, 50, y), run(second, 440, y));
    y -= 14;
    items.push(run(`• Shipped another thing of value, entry ${entry}`, 50, y));
    y -= 20;
  }
  return items;
}

describe("PDF page layout", () => {
  it("keeps a right-hand margin of places and dates on the lines of its entries", () => {
    const text = layoutPageText(page((entry) => [`Princeton, NJ`, `May 20${10 + entry} – Aug 20${10 + entry}`]));
    const lines = text.split("\n");
    expect(lines[0]).toBe("Research Intern, Lab number 0 | Princeton, NJ");
    expect(lines[1]).toBe("• Built a thing that mattered for entry 0 | May 2010 – Aug 2010");
    // Every date stands beside its own entry, none at the end of the page.
    expect(lines.at(-1)).toBe("• Shipped another thing of value, entry 3");
  });

  it("still reads a narrow sidebar of other text after the main column", () => {
    const text = layoutPageText(page((entry) => [`Skill group ${entry}`, `Python and Rust ${entry}`]));
    const lines = text.split("\n");
    expect(lines[0]).toBe("Research Intern, Lab number 0");
    expect(lines.slice(-8)).toContain("Skill group 0");
  });
});
