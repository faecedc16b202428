// Résumé text as paragraphs (issue 14, item 12): wrapped PDF lines are joined when shown, stored
// offsets never change, and evidence highlights still cover exactly their characters.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { joinedBreaks, showJoined, textOfSegments } from "../../app/components/candidate/join-wrapped-lines.ts";
import { resumePieces } from "../../app/components/candidate/resume-text.tsx";
import { extractText } from "../../server/extraction/extract-text.ts";

const shown = (text: string) => showJoined(text, 0, joinedBreaks(text));

describe("joinedBreaks", () => {
  it("joins a sentence wrapped by the layout and keeps headings, items and paragraphs apart", () => {
    const text = [
      "Summary",
      "Machine Learning Engineer with 5 years of experience in designing, building, and deploying predictive",
      "models and deep learning systems. Proficient in Python.",
      "",
      "Skills",
      "Python, R, TensorFlow, PyTorch, Docker,",
      "Kubernetes, SQL",
      "• Built the feature store and",
      "• Ran the on-call rotation",
      "Experience",
      "2019 – 2021 Data Scientist, Uber",
    ].join("\n");
    expect(shown(text)).toBe(
      [
        "Summary",
        "Machine Learning Engineer with 5 years of experience in designing, building, and deploying predictive " +
          "models and deep learning systems. Proficient in Python.",
        "",
        "Skills",
        "Python, R, TensorFlow, PyTorch, Docker, Kubernetes, SQL",
        "• Built the feature store and",
        "• Ran the on-call rotation",
        "Experience",
        "2019 – 2021 Data Scientist, Uber",
      ].join("\n"),
    );
    // Every joined break is one stored character shown as one (or no) character: nothing shifts.
    expect(shown(text).length).toBe(text.length);
  });

  it("joins a word hyphenated across lines without a space, and never after a sentence's end", () => {
    expect(shown("trained multi-\nmodal models")).toBe("trained multi-modal models");
    expect(shown("Shipped it.\nthen more")).toBe("Shipped it.\nthen more");
    expect(shown("Skills:\npython")).toBe("Skills:\npython");
    expect(shown("a\n\nb")).toBe("a\n\nb");
    // A heading in capitals after a line that seems to go on (a link, a comma) keeps its line.
    expect(shown("linkedin.com/in/priya/\nSUMMARY")).toBe("linkedin.com/in/priya/\nSUMMARY");
    expect(shown("Python, SQL,\nWORK EXPERIENCE")).toBe("Python, SQL,\nWORK EXPERIENCE");
    expect(shown("")).toBe("");
    expect(shown("\n\n\n")).toBe("\n\n\n");
    expect(shown("no breaks at all")).toBe("no breaks at all");
  });
});

describe("highlights across a joined line break", () => {
  it("cover exactly the stored characters of the span, shown with the break joined", () => {
    const text = "Built a streaming pipeline with\nApache Kafka and Spark for\nreal-time features.\n• Next item";
    const start = text.indexOf("Apache");
    const end = text.indexOf("real-time") + "real-time".length; // crosses the second break
    const spanAcross = { start: text.indexOf("pipeline"), end: text.indexOf("Kafka") + 5 }; // crosses the first
    const areas = [
      {
        id: "data_pipelines_sql",
        name: "Data pipelines",
        dimension: "production" as const,
        evidence: [{ start, end }],
      },
      { id: "serving_apis", name: "Serving", dimension: "production" as const, evidence: [spanAcross] },
    ];
    const segments = [{ start: 0, end: text.length, text }];
    const joined = joinedBreaks(textOfSegments(segments));
    expect([...joined.keys()]).toEqual([text.indexOf("\nApache"), text.indexOf("\nreal")]);
    const pieces = resumePieces(segments, areas);
    // Pieces keep stored offsets; shown pieces put together are the joined text.
    const page = pieces.map((piece) => (piece.kind === "text" ? showJoined(piece.text, piece.start, joined) : ""));
    expect(page.join("")).toBe(
      "Built a streaming pipeline with Apache Kafka and Spark for real-time features.\n• Next item",
    );
    const covered = (areaId: string) =>
      pieces
        .filter((piece) => piece.kind === "text" && piece.areas.some((area) => area.id === areaId))
        .map((piece) =>
          piece.kind === "text"
            ? { start: piece.start, end: piece.end, shown: showJoined(piece.text, piece.start, joined) }
            : null,
        );
    const data = covered("data_pipelines_sql");
    expect(data[0]!.start).toBe(start);
    expect(data.at(-1)!.end).toBe(end);
    expect(data.map((piece) => piece!.shown).join("")).toBe("Apache Kafka and Spark for real-time");
    const serving = covered("serving_apis");
    expect(serving.map((piece) => piece!.shown).join("")).toBe("pipeline with Apache Kafka");
    expect(serving[0]!.start).toBe(spanAcross.start);
    expect(serving.at(-1)!.end).toBe(spanAcross.end);
  });

  it("decides joins around hidden parts (blind review) without their text", () => {
    const before = "Studied physics\n";
    const after = "\nthen worked on ranking";
    const hiddenEnd = before.length + 11;
    const segments = [
      { start: 0, end: before.length, text: before },
      { start: before.length, end: hiddenEnd, hidden: "school" as const },
      { start: hiddenEnd, end: hiddenEnd + after.length, text: after },
    ];
    // The hidden school name is "X"s of its length: the break before it does not join (an upper-case
    // start), the break after it joins (lower-case "then").
    const text = textOfSegments(segments);
    expect(text.length).toBe(hiddenEnd + after.length);
    const joined = joinedBreaks(text);
    expect(joined.has(before.length - 1)).toBe(false);
    expect(joined.get(hiddenEnd)).toBe(" ");
  });
});

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus/public");
const HARVEY = path.join(CORPUS, "01_rm_harvey_dent_mle.pdf");

describe.skipIf(!existsSync(HARVEY))("a real wrapped PDF (../shared/corpus/public)", () => {
  it("reads as paragraphs while headings and roles keep their own lines", async () => {
    const { text } = await extractText(new Uint8Array(await readFile(HARVEY)), {
      maxBytes: 10_000_000,
      maxPdfPages: 30,
      timeoutMs: 60_000,
      ocr: false,
    });
    const page = shown(text);
    expect(page.length).toBe(text.length);
    expect(text).toContain("deploying predictive\nmodels and deep learning systems");
    expect(page).toContain("deploying predictive models and deep learning systems");
    expect(page).toContain("Docker, Kubernetes");
    expect(page).toContain("Scikit-learn.\nCurrently leading");
    for (const heading of ["Professional Summary", "Skills", "Experience", "Education", "Projects"]) {
      expect(page).toMatch(new RegExp(`(^|\\n)${heading}\\n`));
    }
    // Fewer lines, and no line left holding a single short word.
    const lines = page.split("\n");
    expect(lines.length).toBeLessThan(text.split("\n").length - 8);
  });
});
