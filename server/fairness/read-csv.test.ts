import { describe, expect, it } from "vitest";
import { CsvSyntaxError, readCsv } from "./read-csv.ts";

describe("readCsv", () => {
  it("reads fields, quotes, escaped quotes and line breaks inside quotes, with each record's first line", () => {
    const text = '\uFEFFa,b,c\r\n1,"two, too","say ""hi"""\r\n"multi\r\nline",x,\r\n\r\n\nlast,,"" \n';
    expect(() => readCsv(text)).toThrow(CsvSyntaxError);
    const ok = '\uFEFFa,b,c\r\n1,"two, too","say ""hi"""\r\n"multi\r\nline",x,\r\n\r\n\nlast,,""\n';
    expect(readCsv(ok)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "two, too", 'say "hi"'] },
      { line: 3, fields: ["multi\r\nline", "x", ""] },
      { line: 7, fields: ["last", "", ""] },
    ]);
  });

  it("accepts LF, CR and no final line end", () => {
    expect(readCsv("a\rb\nc")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["b"] },
      { line: 3, fields: ["c"] },
    ]);
    expect(readCsv("")).toEqual([]);
  });

  it("names the line of a syntax error", () => {
    expect(() => readCsv('a,b\n1,"open\n2,3\n')).toThrow(/line 2: a quoted field is not closed/);
    expect(() => readCsv('a,b\n1,x"y\n')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => readCsv('a,b\n\n1,"x"y\n')).toThrow(/line 3: text after the closing quote/);
  });
});
