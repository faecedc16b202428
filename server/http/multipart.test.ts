import { describe, expect, it } from "vitest";
import {
  multipartBoundary,
  MultipartFormatError,
  MultipartTruncatedError,
  parseContentDisposition,
  readMultipart,
} from "./multipart.ts";

const BOUNDARY = "----formdata-test-7MA4YWxkTrZu0gW";

/** A body as a browser builds it: `filename` raw UTF-8 in quotes, `"` as %22 (HTML spec). */
function body(
  parts: Array<{ disposition: string | Uint8Array; data: string | Uint8Array; type?: string }>,
): Uint8Array {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: `));
    chunks.push(Buffer.from(part.disposition));
    chunks.push(Buffer.from(`\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ""}\r\n`));
    chunks.push(Buffer.from(part.data));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function streamOf(bytes: Uint8Array, chunkSize = bytes.length): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

async function readAll(bytes: Uint8Array, chunkSize?: number) {
  const parts: Array<{ field: string | null; filename: string | null; unreadable: boolean; data: string }> = [];
  for await (const part of readMultipart(streamOf(bytes, chunkSize), BOUNDARY)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) chunks.push(chunk);
    parts.push({
      field: part.field,
      filename: part.filename,
      unreadable: part.filenameUnreadable,
      data: Buffer.concat(chunks).toString("utf8"),
    });
  }
  return parts;
}

const HOSTILE_NAMES = [
  "Jane Doe; CV 2024.txt",
  "a=b.txt",
  "=start.txt",
  "CV – Jane; final.pdf",
  'name="x"; filename=evil.txt',
  "trailing;",
  ";=;=;.txt",
  "back\\slash.txt",
];

describe("parseContentDisposition", () => {
  it.each(HOSTILE_NAMES.filter((name) => !name.includes('"') && !name.includes("\\")))(
    "reads the quoted name %j whole",
    (name) => {
      const parsed = parseContentDisposition(`form-data; name="resumes"; filename="${name}"`);
      expect(parsed).toEqual({ type: "form-data", field: "resumes", filename: name, filenameUnreadable: false });
    },
  );

  it("reads escaped quotes (curl), %22 as sent by browsers, and keeps a lone backslash's segment", () => {
    expect(parseContentDisposition('form-data; name="f"; filename="say \\"hi\\".txt"').filename).toBe('say "hi".txt');
    expect(parseContentDisposition('form-data; name="f"; filename="say %22hi%22.txt"').filename).toBe(
      "say %22hi%22.txt",
    );
    expect(parseContentDisposition('form-data; name="f"; filename="C:\\Users\\ana\\cv.pdf"').filename).toBe("cv.pdf");
  });

  it("prefers a decodable filename* and reports a broken one without a plain name as unreadable", () => {
    expect(
      parseContentDisposition(`form-data; name="f"; filename="fallback.txt"; filename*=UTF-8''Zo%C3%AB%3B%20cv.txt`)
        .filename,
    ).toBe("Zoë; cv.txt");
    expect(parseContentDisposition(`form-data; name="f"; filename*=UTF-8''%ZZbad`)).toMatchObject({
      filename: null,
      filenameUnreadable: true,
    });
    expect(parseContentDisposition(`form-data; name="f"; filename*=UTF-8''%FF%FE`).filenameUnreadable).toBe(true);
    expect(parseContentDisposition(`form-data; name="f"; filename="ok.txt"; filename*=bogus`).filename).toBe("ok.txt");
  });

  it("takes an unterminated quote to the end, and unquoted tokens", () => {
    expect(parseContentDisposition('form-data; name="f"; filename="open ended.txt').filename).toBe("open ended.txt");
    expect(parseContentDisposition("form-data; name=f; filename=plain.txt")).toMatchObject({
      field: "f",
      filename: "plain.txt",
    });
    expect(parseContentDisposition('form-data; name="only"')).toMatchObject({ field: "only", filename: null });
  });
});

describe("multipartBoundary", () => {
  it.each([
    [`multipart/form-data; boundary=${BOUNDARY}`, BOUNDARY],
    [`Multipart/Form-Data; charset=utf-8; boundary="quoted boundary"`, "quoted boundary"],
    ["application/x-www-form-urlencoded", null],
    ["multipart/form-data", null],
    [`multipart/form-data; boundary=${"x".repeat(71)}`, null],
    [null, null],
  ])("%j → %j", (header, expected) => {
    expect(multipartBoundary(header)).toBe(expected);
  });
});

describe("readMultipart", () => {
  const parts = HOSTILE_NAMES.map((name, i) => ({
    disposition: `form-data; name="resumes"; filename="${name.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`,
    data: `file ${i}: ${"x".repeat(i * 37)}\r\n--not-the-boundary\r\n`,
  }));
  const bytes = body([{ disposition: 'form-data; name="intent"', data: "upload" }, ...parts]);

  it("keeps every file and its exact bytes, whatever the chunking", async () => {
    for (const chunkSize of [1, 2, 3, 7, 64, 1000, bytes.length]) {
      const read = await readAll(bytes, chunkSize);
      expect(read.map((p) => p.field)).toEqual(["intent", ...HOSTILE_NAMES.map(() => "resumes")]);
      expect(read[0]).toMatchObject({ filename: null, data: "upload" });
      expect(read.slice(1).map((p) => p.filename)).toEqual(HOSTILE_NAMES.map((name) => name.split(/[\\/]/).pop()));
      read.slice(1).forEach((part, i) => expect(part.data).toBe(parts[i]!.data));
    }
  });

  it("lets the caller skip a part's bytes", async () => {
    const names: Array<string | null> = [];
    for await (const part of readMultipart(streamOf(bytes, 5), BOUNDARY)) names.push(part.filename);
    expect(names).toHaveLength(HOSTILE_NAMES.length + 1);
  });

  it("reports a name that is not UTF-8 as unreadable and still hands out the bytes", async () => {
    const latin1 = Buffer.concat([
      Buffer.from('form-data; name="resumes"; filename="Jos'),
      Buffer.from([0xe9]),
      Buffer.from('.txt"'),
    ]);
    const read = await readAll(body([{ disposition: latin1, data: "bytes kept" }]));
    expect(read).toEqual([{ field: "resumes", filename: null, unreadable: true, data: "bytes kept" }]);
  });

  it("keeps an empty file input as an empty name with no bytes", async () => {
    const read = await readAll(body([{ disposition: 'form-data; name="resumes"; filename=""', data: "" }]));
    expect(read).toEqual([{ field: "resumes", filename: "", unreadable: false, data: "" }]);
  });

  it("throws MultipartTruncatedError naming the part that was cut off", async () => {
    const cut = bytes.subarray(0, bytes.length - 200);
    const seen: number[] = [];
    const error = await (async () => {
      try {
        for await (const part of readMultipart(streamOf(cut, 16), BOUNDARY)) {
          seen.push(part.index);
          for await (const chunk of part.data) void chunk;
        }
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(MultipartTruncatedError);
    expect((error as MultipartTruncatedError).partIndex).toBe(seen.at(-1));
    // A body cut right after a delimiter: no part is half-read.
    const atBoundary = Buffer.concat([
      Buffer.from(body([{ disposition: 'form-data; name="a"', data: "1" }]).subarray(0, -4)),
    ]);
    await expect(readAll(atBoundary)).rejects.toMatchObject({ name: "MultipartTruncatedError", partIndex: null });
  });

  it("refuses a body without the declared boundary or with endless part headers", async () => {
    await expect(readAll(Buffer.from("just some text"))).rejects.toBeInstanceOf(MultipartFormatError);
    const endless = Buffer.from(`--${BOUNDARY}\r\nX-Long: ${"a".repeat(20_000)}`);
    await expect(readAll(endless)).rejects.toBeInstanceOf(MultipartFormatError);
  });
});
