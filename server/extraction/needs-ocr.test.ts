import { describe, expect, it } from "vitest";
import { pageNeedsOcr } from "./needs-ocr.ts";

describe("pageNeedsOcr", () => {
  it("keeps a real text layer, in any script", () => {
    expect(pageNeedsOcr("Priya Raman\nSenior Machine Learning Engineer at Lumen Retail Labs, 2021 – Present")).toBe(
      false,
    );
    expect(
      pageNeedsOcr("张伟 高级机器学习工程师 北京大学 计算机科学与技术 硕士 2018 年至今 负责推荐系统模型训练与部署"),
    ).toBe(false);
  });

  it("reads as images a page with no text, a few stray marks, or glyphs without a Unicode map", () => {
    expect(pageNeedsOcr("")).toBe(true);
    expect(pageNeedsOcr("Page 2 of 2")).toBe(true);
    expect(pageNeedsOcr("\uFFFD\uFFFD\uFFFD ".repeat(40) + "Priya Raman")).toBe(true);
    expect(pageNeedsOcr("Xzqj Bcdfg Hklmn Prstv Wxzqb Cdfgh Jklmn Pqrst Vwxzb Cdfgh Jklmn Pqrst")).toBe(true);
  });
});
