import { describe, expect, it } from "vitest";
import { makeDocx, makeZip } from "../../tests/factories/zip-writer.ts";
import { ExtractionError } from "./errors.ts";
import { extractDocxText, MAX_DOCX_UNPACKED_BYTES } from "./extract-docx-text.ts";
import { extractText } from "./extract-text.ts";

const MB = 1024 * 1024;

async function failure(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ExtractionError)) throw new Error(`expected an ExtractionError, got ${String(error)}`);
  return error;
}

describe("extractDocxText: decompressed-size cap", () => {
  it("reads a normal deflated document", async () => {
    expect(await extractDocxText(makeDocx(["Jane Doe", "ML Engineer"], { compress: true }))).toBe(
      "Jane Doe\nML Engineer\n",
    );
  });

  it("refuses a bomb whose directory lies about its size, counting the bytes that actually inflate", async () => {
    // 3 MB of XML that claims to be 2 KB: the declared total is far under the 1 MB cap.
    const bomb = makeDocx(["Jane Doe"], { compress: true, paddingBytes: 3 * MB, declaredDocumentSize: 2048 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await failure(extractDocxText(bomb, 1 * MB));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe(
      "The Word document unpacks to more than 1 MB, the limit. Ask the candidate for a PDF or a smaller document.",
    );
  });

  it("applies the default 50 MB cap to a lying 60 MB document", async () => {
    const bomb = makeDocx(["Jane Doe"], { compress: true, paddingBytes: 60 * MB, declaredDocumentSize: 4096 });
    const error = await failure(extractDocxText(bomb));
    expect(MAX_DOCX_UNPACKED_BYTES).toBe(50 * MB);
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("more than 50 MB");
  });

  it("accepts a document just under the cap", async () => {
    const docx = makeDocx(["Jane Doe"], { compress: true, paddingBytes: 512 * 1024 });
    expect(await extractDocxText(docx, 1 * MB)).toBe("Jane Doe\n");
  });

  it("takes the cap from the extraction limits (MAX_DOCX_UNCOMPRESSED_BYTES)", async () => {
    const docx = makeDocx(["Jane Doe"], { compress: true, paddingBytes: 2 * MB, declaredDocumentSize: 100 });
    const limits = { maxBytes: 10 * MB, maxPdfPages: 30, timeoutMs: 20_000 };
    const refused = await failure(extractText(docx, { ...limits, maxDocxUnpackedBytes: MB }));
    expect(refused.code).toBe("too_large");
    expect(refused.message).toContain("more than 1 MB");
  });

  it("reports damaged deflate data as corrupt, not as a crash", async () => {
    const docx = makeDocx(["Jane Doe"], { compress: true });
    const damaged = docx.slice();
    // Flip bytes inside word/document.xml's compressed data (the last local entry's data).
    const at = indexOfAscii(damaged, "word/document.xml") + "word/document.xml".length + 4;
    for (let i = at; i < at + 16; i++) damaged[i] = damaged[i]! ^ 0xff;
    expect((await failure(extractDocxText(damaged))).code).toBe("corrupt");
  });

  it("reports a part with an unreadable compression method as corrupt", async () => {
    const odd = makeZip([{ name: "word/document.xml", data: "<w:document/>", method: 14 }]);
    expect((await failure(extractDocxText(odd))).code).toBe("corrupt");
  });
});

/** Offset of the first (local header) occurrence of an ASCII name. */
function indexOfAscii(bytes: Uint8Array, text: string): number {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error(`${text} not found`);
}
