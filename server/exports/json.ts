// The JSON file of an export: a header block (what was exported, how it was ranked, by whom and
// when) and the candidates, one per line, streamed a chunk of rows at a time.
//
//   { "export": { requisition, weightsVersion, weights, scope, filters, sort, exportedBy, exportedAt, rowCount, … },
//     "candidates": [ {…}, {…} ] }
import { Readable } from "node:stream";
import type { ExportRow } from "./export-rows.ts";

async function* jsonText(header: unknown, chunks: AsyncIterable<ExportRow[]>): AsyncGenerator<string> {
  const indentedHeader = JSON.stringify(header, null, 2).replace(/\n/g, "\n  ");
  yield `{\n  "export": ${indentedHeader},\n  "candidates": [`;
  let first = true;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    const lines = chunk.map((row) => `\n    ${JSON.stringify(row)}`);
    yield (first ? "" : ",") + lines.join(",");
    first = false;
  }
  yield `${first ? "" : "\n  "}]\n}\n`;
}

export function jsonStream(header: unknown, chunks: AsyncIterable<ExportRow[]>): Readable {
  return Readable.from(jsonText(header, chunks), { objectMode: false });
}
