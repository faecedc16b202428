import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeDocx, makeZip, type ZipInput } from "../../tests/factories/zip-writer.ts";
import { expandZip, scanZip, type ZipFileEntry, type ZipLimits, type ZipSource } from "./read-zip.ts";

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { maxFiles: 50, maxEntryBytes: 10 * MB, maxArchiveBytes: 500 * MB };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function expandAll(source: ZipSource, limits = LIMITS): Promise<ZipFileEntry[]> {
  const files: ZipFileEntry[] = [];
  await expandZip(source, limits, async (file) => {
    files.push(file);
  });
  return files;
}

async function refusal(entries: ZipInput[] | Uint8Array, limits = LIMITS) {
  const bytes = entries instanceof Uint8Array ? entries : makeZip(entries);
  const scan = await scanZip({ bytes }, limits);
  if (scan.ok) throw new Error("expected the archive to be refused");
  return scan.refusal;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "read-zip-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("scanZip + expandZip: what is accepted", () => {
  const archive = makeZip([
    { name: "cvs/", data: "" },
    { name: "cvs/2024/ada-lovelace.txt", data: "Ada Lovelace\nML Engineer", compress: true },
    { name: "cvs/grace-hopper.pdf", data: makePdf(["Grace Hopper", "Data Scientist"]), compress: true },
    { name: "jane.docx", data: makeDocx(["Jane Doe"]) },
    { name: "notes/Ana Lima.md", data: "# Ana Lima\nMLOps engineer" },
    { name: "photo.png", data: PNG },
    { name: "__MACOSX/cvs/._grace-hopper.pdf", data: "mac resource fork" },
    { name: ".DS_Store", data: "junk" },
    { name: "cvs/Thumbs.db", data: "junk" },
  ]);

  it("counts the files, skipping folders, __MACOSX, dot-files and system files", async () => {
    const scan = await scanZip({ bytes: archive }, LIMITS);
    expect(scan).toMatchObject({ ok: true, files: 5, skipped: 4 });
  });

  it("hands over each file with its base name and exact bytes, in archive order", async () => {
    const files = await expandAll({ bytes: archive });
    expect(files.map((file) => [file.name, file.path, file.refusal])).toEqual([
      ["ada-lovelace.txt", "cvs/2024/ada-lovelace.txt", null],
      ["grace-hopper.pdf", "cvs/grace-hopper.pdf", null],
      ["jane.docx", "jane.docx", null],
      ["Ana Lima.md", "notes/Ana Lima.md", null],
      ["photo.png", "photo.png", null],
    ]);
    expect(new TextDecoder().decode(files[0]!.bytes!)).toBe("Ada Lovelace\nML Engineer");
    expect(files[4]!.bytes).toEqual(PNG);
  });

  it("reads an archive from a file on disk the same way", async () => {
    const file = path.join(dir, "batch.zip");
    await writeFile(file, archive);
    expect(await scanZip({ path: file }, LIMITS)).toMatchObject({ ok: true, files: 5 });
    expect((await expandAll({ path: file })).map((entry) => entry.name)).toHaveLength(5);
  });

  it("keeps only the base name of traversal and absolute paths", async () => {
    const files = await expandAll({
      bytes: makeZip([
        { name: "../../etc/evil-cv.txt", data: "Eve\nEngineer" },
        { name: "/absolute/cv.txt", data: "Abe\nEngineer" },
        { name: "..\\..\\windows\\win-cv.txt", data: "Win\nEngineer" },
        { name: "ok/../../../x<y>.txt", data: "Xavier\nEngineer" },
      ]),
    });
    expect(files.map((file) => file.name)).toEqual(["evil-cv.txt", "cv.txt", "win-cv.txt", "xy.txt"]);
    expect(files.map((file) => file.path)).toEqual([
      "etc/evil-cv.txt",
      "absolute/cv.txt",
      "windows/win-cv.txt",
      "ok/x<y>.txt",
    ]);
  });
});

describe("scanZip: files refused on their own", () => {
  it("refuses a nested archive by name without opening it, and accepts the rest", async () => {
    const files = await expandAll({
      bytes: makeZip([
        { name: "inner.zip", data: makeZip([{ name: "a.txt", data: "A" }]) },
        { name: "old.rar", data: "Rar!" },
        { name: "cv.txt", data: "Jane Doe\nEngineer" },
      ]),
    });
    expect(files.map((file) => [file.name, file.refusal?.code ?? "ok"])).toEqual([
      ["inner.zip", "nested_archive"],
      ["old.rar", "nested_archive"],
      ["cv.txt", "ok"],
    ]);
  });

  it("refuses a nested archive disguised under a résumé name, found from its bytes", async () => {
    const files = await expandAll({
      bytes: makeZip([{ name: "cv.pdf", data: makeZip([{ name: "a.txt", data: "A" }]) }]),
    });
    expect(files[0]!.refusal?.code).toBe("nested_archive");
    expect(files[0]!.bytes).toBeNull();
  });

  it("refuses an entry that honestly declares more than the per-résumé limit, without inflating it", async () => {
    const limits = { ...LIMITS, maxEntryBytes: 1 * MB };
    const files = await expandAll(
      {
        bytes: makeZip([
          { name: "huge.txt", data: "a".repeat(2 * MB), compress: true },
          { name: "cv.txt", data: "Jane Doe\nEngineer" },
        ]),
      },
      limits,
    );
    expect(files[0]!.refusal).toEqual({
      code: "too_large",
      message: "The file is 2 MB; the limit is 1 MB per résumé.",
    });
    expect(files[1]!.refusal).toBeNull();
  });

  it("refuses an empty entry as empty", async () => {
    const files = await expandAll({
      bytes: makeZip([
        { name: "blank.txt", data: "" },
        { name: "cv.txt", data: "Jo\nDev" },
      ]),
    });
    expect(files[0]!.refusal?.code).toBe("empty");
  });
});

describe("scanZip: archives refused whole, with a specific reason", () => {
  it("a zip bomb whose headers lie: stops at the per-résumé limit of ACTUAL inflated bytes", async () => {
    const bombData = new Uint8Array(40 * MB); // 40 MB of zeros deflate to about 40 KB
    const bomb = makeZip([
      { name: "cv.txt", data: "Jane Doe\nEngineer" },
      { name: "resumes/bomb.txt", data: bombData, compress: true, declaredSize: 1024 },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const reason = await refusal(bomb);
    expect(reason.code).toBe("too_large");
    expect(reason.message).toBe(
      "“bomb.txt” says it is 1 KB but unpacks to more than 10 MB: the archive is damaged or built to exhaust memory " +
        "(a “zip bomb”). Nothing from it was stored.",
    );
  });

  it("entries inflating together past the archive limit (declared total under it), counted as inflated", async () => {
    // Declared: 3 × 1 MB + 100 bytes, under the 4 MB limit; the last entry really holds 2 MB.
    const honest = Array.from({ length: 3 }, (_, i) => ({ name: `cv-${i}.txt`, data: "x".repeat(MB), compress: true }));
    const liar = { name: "cv-3.txt", data: "y".repeat(2 * MB), compress: true, declaredSize: 100 };
    const reason = await refusal([...honest, liar], { ...LIMITS, maxArchiveBytes: 4 * MB });
    expect(reason).toEqual({
      code: "too_large",
      message:
        "The archive unpacks to more than 4 MB, the limit per archive. " +
        "Nothing from it was stored: split it into smaller archives.",
    });
  });

  it("an entry that inflates to more than its header says, even under every limit", async () => {
    const reason = await refusal([{ name: "cv.txt", data: "x".repeat(5000), compress: true, declaredSize: 100 }]);
    expect(reason.code).toBe("corrupt");
    expect(reason.message).toContain("“cv.txt” unpacks to 5000 bytes but the archive lists 100");
  });

  it("declared sizes over the archive limit are refused before inflating", async () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({
      name: `cv-${i}.txt`,
      data: "x".repeat(MB),
      compress: true,
    }));
    const reason = await refusal(entries, { ...LIMITS, maxArchiveBytes: 2 * MB });
    expect(reason.message).toMatch(/^The archive unpacks to 3 MB; the limit is 2 MB per archive\./);
  });

  it("too many files (MAX_FILES_PER_UPLOAD)", async () => {
    const entries = Array.from({ length: 4 }, (_, i) => ({ name: `cv-${i}.txt`, data: `Person ${i}\nEngineer` }));
    const reason = await refusal(entries, { ...LIMITS, maxFiles: 3 });
    expect(reason).toEqual({
      code: "too_many_files",
      message:
        "The archive holds 4 files; at most 3 can be uploaded at once. " +
        "Nothing from it was stored: split it into smaller archives.",
    });
  });

  it("too many raw entries (folders and junk included) before reading names", async () => {
    const entries = Array.from({ length: 13 }, (_, i) => ({ name: `__MACOSX/._${i}`, data: "" }));
    const reason = await refusal(entries, { ...LIMITS, maxFiles: 3 });
    expect(reason.code).toBe("too_many_files");
    expect(reason.message).toContain("13 entries");
  });

  it("password-protected (traditional encryption)", async () => {
    const reason = await refusal([
      { name: "cv.txt", data: "Jane" },
      { name: "secret/cv.pdf", data: "\u0000".repeat(40), encrypted: true },
    ]);
    expect(reason.code).toBe("encrypted");
    expect(reason.message).toContain("password-protected (“secret/cv.pdf” is encrypted)");
  });

  it("strong encryption", async () => {
    const reason = await refusal([{ name: "cv.txt", data: "Jane", flags: 0x40 | 0x01 }]);
    expect(reason.code).toBe("encrypted");
  });

  it("truncated (a download cut off): the table of contents is missing", async () => {
    const whole = makeZip([{ name: "cv.txt", data: "Jane Doe\nEngineer".repeat(100), compress: true }]);
    const reason = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(reason.code).toBe("corrupt");
    expect(reason.message).toContain("it is incomplete (its table of contents is missing)");
  });

  it("damaged compressed data", async () => {
    const good = makeZip([{ name: "cv.txt", data: "Jane Doe, ML engineer. ".repeat(200), compress: true }]);
    const bad = good.slice();
    for (let i = 40; i < 60; i++) bad[i] = bad[i]! ^ 0xa5;
    const reason = await refusal(bad);
    expect(reason.code).toBe("corrupt");
    expect(reason.message).toMatch(/“cv.txt”/);
  });

  it("a checksum that does not match", async () => {
    const reason = await refusal([{ name: "cv.txt", data: "Jane Doe", crc: 12345 }]);
    expect(reason).toMatchObject({ code: "corrupt" });
    expect(reason.message).toContain("“cv.txt” does not match its checksum");
  });

  it("a compression method that cannot be read", async () => {
    const reason = await refusal([{ name: "cv.txt", data: "Jane Doe", method: 9 }]);
    expect(reason.code).toBe("unsupported_compression");
    expect(reason.message).toContain("Deflate64");
  });

  it("an empty archive, or one with only folders and system files", async () => {
    expect(await refusal([])).toEqual({
      code: "empty",
      message: "The archive contains no files (only folders or system files).",
    });
    expect(
      (
        await refusal([
          { name: "folder/", data: "" },
          { name: "__MACOSX/._x", data: "x" },
        ])
      ).code,
    ).toBe("empty");
  });

  it("a file named .zip that is not a ZIP at all", async () => {
    const reason = await refusal(new TextEncoder().encode("just some text, renamed to .zip"));
    expect(reason.code).toBe("corrupt");
    expect(reason.message).toContain("is not a ZIP archive");
  });
});
