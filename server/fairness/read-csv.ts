// A small RFC 4180 reader that knows the line each record starts on, so every error can name
// its line. (csv-parse, a devDependency, reports the line a record ends on and counts a CRLF
// inside a quoted field as two lines; moving it to the runtime dependencies would buy nothing
// this small reader does not do.) Accepts LF, CRLF or CR line ends, a UTF-8 BOM, quoted
// fields with "" for a quote and line breaks inside quotes; skips blank lines.

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  override name = "CsvSyntaxError";
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const start = line;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    let wasQuoted = false;
    let ended = false;
    while (i < input.length && !ended) {
      const char = input[i]!;
      if (quoted) {
        if (char === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (char === "\n" || (char === "\r" && input[i + 1] !== "\n")) line++;
        field += char;
        i++;
        continue;
      }
      if (char === ",") {
        fields.push(field);
        field = "";
        wasQuoted = false;
        i++;
      } else if (char === "\r" || char === "\n") {
        i += char === "\r" && input[i + 1] === "\n" ? 2 : 1;
        line++;
        ended = true;
      } else if (char === '"') {
        if (field !== "" || wasQuoted)
          throw new CsvSyntaxError(line, 'a quote inside an unquoted field (write "" within a quoted field)');
        quoted = true;
        wasQuoted = true;
        i++;
      } else {
        if (wasQuoted) throw new CsvSyntaxError(line, "text after the closing quote of a field");
        field += char;
        i++;
      }
    }
    if (quoted) throw new CsvSyntaxError(start, "a quoted field is not closed");
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === "" && !wasQuoted;
    if (!blank) records.push({ line: start, fields });
  }
  return records;
}
