// A streaming multipart/form-data reader (RFC 7578) for uploads, replacing Remix's
// unstable_parseMultipartFormData, whose header parser split Content-Disposition on every ";"
// and "=" even inside quotes: "Jane Doe; CV 2024.txt" or "a=b.txt" threw ("mismatched
// quotations", a 500 that lost the whole upload) and "=start.txt" was silently dropped.
//
// Here a quoted value may hold anything but an unescaped quote; `filename*` (RFC 5987) is read
// and wins over `filename`; a name that cannot be read (bytes that are not UTF-8, a broken
// `filename*`, a disposition that says nothing readable) is reported as unreadable so the caller
// can keep the bytes under a fallback name. The body is never held in memory: a part's data is
// handed out in chunks as it arrives, keeping only a boundary's length back. A body that ends
// before its closing boundary throws MultipartTruncatedError; one that is not multipart at all
// (no boundary, no opening delimiter, oversized part headers) throws MultipartFormatError.

/** The body ended before the closing boundary: the part being read (if any) was cut off. */
export class MultipartTruncatedError extends Error {
  override name = "MultipartTruncatedError";
  constructor(readonly partIndex: number | null) {
    super("The multipart body ended before its closing boundary.");
  }
}

/** The body is not multipart/form-data with the declared boundary. */
export class MultipartFormatError extends Error {
  override name = "MultipartFormatError";
}

export interface MultipartPart {
  /** Position of the part in the body, from 0. */
  index: number;
  /** The form field (`name` parameter), or null when it could not be read. */
  field: string | null;
  /**
   * The file name as sent (only the last path segment), "" for a file input left empty, or
   * null when the part is not a file (no `filename` parameter) or its name could not be read
   * (then `filenameUnreadable` is true).
   */
  filename: string | null;
  /** The part is a file whose name could not be read: keep its bytes under a fallback name. */
  filenameUnreadable: boolean;
  contentType: string | null;
  /** The part's bytes, in order. Read it before asking for the next part (or it is skipped). */
  data: AsyncIterable<Uint8Array>;
}

/** Most bytes of one part's header block: browsers send a few hundred. */
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a `multipart/form-data; boundary=…` content type, or null when it is not one. */
export function multipartBoundary(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const [type, ...rest] = splitParameters(contentType);
  if (type?.trim().toLowerCase() !== "multipart/form-data") return null;
  for (const parameter of rest) {
    if (parameter.key === "boundary") {
      const boundary = parameter.value;
      // RFC 2046: 1–70 characters.
      return boundary && boundary.length <= 70 ? boundary : null;
    }
  }
  return null;
}

export interface ContentDisposition {
  type: string;
  field: string | null;
  filename: string | null;
  filenameUnreadable: boolean;
}

/**
 * Parses a part's Content-Disposition. Quoted values may contain ";" and "="; `\"` and `\\`
 * are escapes (curl), any other backslash is kept; an unterminated quote runs to the end of the
 * header. `filename*=UTF-8''…` wins over `filename` when it decodes.
 */
export function parseContentDisposition(header: string): ContentDisposition {
  const [type = "", ...parameters] = splitParameters(header);
  let field: string | null = null;
  let plain: string | null = null;
  let extended: string | null = null;
  let extendedBroken = false;
  for (const { key, value } of parameters) {
    if (key === "name" && field === null) field = value;
    else if (key === "filename" && plain === null) plain = value;
    else if (key === "filename*" && extended === null) {
      const decoded = decodeExtValue(value);
      if (decoded === null) extendedBroken = true;
      else extended = decoded;
    }
  }
  const raw = extended ?? plain;
  const filename = raw === null ? null : lastPathSegment(raw);
  return {
    type: type.trim().toLowerCase(),
    field,
    filename,
    filenameUnreadable: raw === null && extendedBroken,
  };
}

/** Browsers send only the base name (RFC 7578 §4.2); older ones sent a whole Windows path. */
function lastPathSegment(name: string): string {
  return name.split(/[\\/]/).pop() ?? "";
}

/** RFC 5987 ext-value: charset'language'percent-encoded. UTF-8 and ISO-8859-1 are read. */
function decodeExtValue(value: string): string | null {
  const match = /^([A-Za-z0-9!#$%&+^_`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = match[1]!.toLowerCase();
  const encoded = match[2]!;
  if (!/^(?:[^%]|%[0-9A-Fa-f]{2})*$/.test(encoded)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 1) {
    if (encoded[i] === "%") {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = encoded.charCodeAt(i);
      if (code > 0x7f) return null;
      bytes.push(code);
    }
  }
  try {
    if (charset === "utf-8") return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
    if (charset === "iso-8859-1") return String.fromCharCode(...bytes);
  } catch {
    return null;
  }
  return null;
}

interface Parameter {
  key: string;
  value: string;
}

/**
 * Splits `type; key=value; key="quoted; value"` into the leading value and its parameters,
 * honouring quotes. Keys are lower-cased; a parameter without "=" has an empty value.
 */
function splitParameters(header: string): [string | undefined, ...Parameter[]] {
  const semicolon = header.indexOf(";");
  const first = semicolon === -1 ? header : header.slice(0, semicolon);
  const parameters: Parameter[] = [];
  let i = semicolon === -1 ? header.length : semicolon + 1;
  while (i < header.length) {
    while (i < header.length && (header[i] === ";" || header[i] === " " || header[i] === "\t")) i += 1;
    if (i >= header.length) break;
    let keyEnd = i;
    while (keyEnd < header.length && header[keyEnd] !== "=" && header[keyEnd] !== ";") keyEnd += 1;
    const key = header.slice(i, keyEnd).trim().toLowerCase();
    if (header[keyEnd] !== "=") {
      parameters.push({ key, value: "" });
      i = keyEnd;
      continue;
    }
    i = keyEnd + 1;
    while (i < header.length && (header[i] === " " || header[i] === "\t")) i += 1;
    let value = "";
    if (header[i] === '"') {
      i += 1;
      while (i < header.length && header[i] !== '"') {
        if (header[i] === "\\" && (header[i + 1] === '"' || header[i + 1] === "\\")) i += 1;
        value += header[i];
        i += 1;
      }
      i += 1; // the closing quote (or past the end when it is missing)
    } else {
      const end = header.indexOf(";", i);
      value = header.slice(i, end === -1 ? header.length : end).trim();
      i = end === -1 ? header.length : end;
    }
    parameters.push({ key, value });
  }
  return [first, ...parameters];
}

const HEADER_END = Buffer.from("\r\n\r\n");
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Pulls bytes from a web stream into a small buffer the parser consumes from the front. */
class ByteSource {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  get bytes(): Buffer {
    return this.buffer;
  }

  get done(): boolean {
    return this.ended;
  }

  /** Reads one more chunk; false at the end of the stream. */
  async more(): Promise<boolean> {
    if (this.ended) return false;
    const { done, value } = await this.reader.read();
    if (done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? Buffer.from(value) : Buffer.concat([this.buffer, value]);
    return true;
  }

  take(length: number): Buffer {
    const taken = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return taken;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

/**
 * Reads the parts of a multipart/form-data body one at a time. Each part's `data` must be
 * consumed (or abandoned) before the next part is asked for.
 */
export async function* readMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
): AsyncGenerator<MultipartPart, void, undefined> {
  const source = new ByteSource(body.getReader());
  // Every delimiter but the first is preceded by CRLF; the first may start the body.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const opening = delimiter.subarray(2);
  try {
    // Preamble: find the first delimiter.
    for (;;) {
      const at = source.bytes.indexOf(opening);
      if (at !== -1) {
        source.take(at + opening.length);
        break;
      }
      if (source.bytes.length > opening.length) source.take(source.bytes.length - opening.length);
      if (!(await source.more())) {
        throw new MultipartFormatError("The upload is not multipart/form-data with the boundary its header declares.");
      }
    }

    for (let index = 0; ; index += 1) {
      // After a delimiter: "--" closes the body; otherwise optional padding, CRLF, headers.
      while (source.bytes.length < 2) {
        if (!(await source.more())) throw new MultipartTruncatedError(null);
      }
      if (source.bytes[0] === 0x2d && source.bytes[1] === 0x2d) return;
      let headerEnd: number;
      for (;;) {
        // The CRLF that ends the delimiter line starts the block, so an empty block is found at 0.
        headerEnd = source.bytes.indexOf(HEADER_END);
        if (headerEnd !== -1) break;
        if (source.bytes.length > MAX_HEADER_BYTES) {
          throw new MultipartFormatError("The headers of one uploaded part are too long.");
        }
        if (!(await source.more())) throw new MultipartTruncatedError(null);
      }
      const headerBlock = source.take(headerEnd + HEADER_END.length).subarray(0, headerEnd);
      const headers = parsePartHeaders(headerBlock);

      let partDone = false;
      let exhausted = false;
      const partData = async function* (): AsyncGenerator<Uint8Array> {
        for (;;) {
          const at = source.bytes.indexOf(delimiter);
          if (at !== -1) {
            if (at > 0) yield source.take(at);
            source.take(delimiter.length);
            partDone = true;
            return;
          }
          const safe = source.bytes.length - (delimiter.length - 1);
          if (safe > 0) yield source.take(safe);
          if (!(await source.more())) throw new MultipartTruncatedError(index);
        }
      };
      const iterator = partData();
      yield {
        index,
        ...headers,
        data: {
          [Symbol.asyncIterator]: () => ({
            next: async () => {
              if (exhausted) return { done: true, value: undefined };
              const result = await iterator.next();
              if (result.done) exhausted = true;
              return result;
            },
          }),
        },
      };
      // The caller may not have read the part (a field we ignore): skip its bytes.
      while (!partDone) {
        const result = await iterator.next();
        if (result.done) break;
      }
    }
  } finally {
    // Also when the caller stops early (a refusal): the rest of the body is not wanted. Not awaited:
    // cancelling one branch of a teed stream (a cloned Request) settles only when both are cancelled.
    void source.cancel();
  }
}

function parsePartHeaders(block: Buffer): Omit<MultipartPart, "index" | "data"> {
  let text: string;
  let readable = true;
  try {
    text = utf8.decode(block);
  } catch {
    // Not UTF-8 (a client that sent Latin-1): the name cannot be trusted, the bytes can.
    text = block.toString("latin1");
    readable = false;
  }
  let disposition: ContentDisposition | null = null;
  let contentType: string | null = null;
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) continue; // a stray line (a raw CR/LF inside a name): ignored
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-disposition" && disposition === null) disposition = parseContentDisposition(value);
    else if (name === "content-type" && contentType === null) contentType = value;
  }
  if (!disposition) {
    // No disposition at all: nothing says which field this is.
    return { field: null, filename: null, filenameUnreadable: false, contentType };
  }
  if (!readable && disposition.filename !== null) {
    return { field: disposition.field, filename: null, filenameUnreadable: true, contentType };
  }
  return {
    field: disposition.field,
    filename: disposition.filename,
    filenameUnreadable: disposition.filenameUnreadable,
    contentType,
  };
}
