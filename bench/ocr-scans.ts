// Run by ocr.bench.ts before the OCR child: writes the generated scans (150 dpi, grey, as a
// scanner or phone makes them) and their text versions into the folder given as argument. Built
// in a process of its own because rendering them (pdf.js and canvas) holds ~400 MB that is the
// bench's, not the worker's: built in the measured process, it was counted as the worker's peak.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { makePdf } from "../tests/factories/pdf-writer.ts";
import { DATA_ENGINEER, makeResumeLines, ML_ENGINEER, RESEARCHER } from "../tests/factories/resume-factory.ts";
import { encodeImage, makeScannedPdf, renderGreyPage } from "../tests/factories/scan-writer.ts";

const folder = process.argv[2];
if (!folder) throw new Error("usage: ocr-scans.ts <folder>");

const names: string[] = [];
for (const [profile, kind] of [
  [ML_ENGINEER, "pdf"],
  [DATA_ENGINEER, "jpeg"],
  [RESEARCHER, "png"],
] as const) {
  const name = `${profile.key}.${kind}`;
  const text = makePdf(makeResumeLines(profile));
  const grey = await renderGreyPage(text);
  writeFileSync(path.join(folder, name), kind === "pdf" ? makeScannedPdf([grey]) : encodeImage(grey, kind));
  writeFileSync(path.join(folder, `${name}.text.pdf`), text);
  names.push(name);
}
writeFileSync(path.join(folder, "scans.json"), JSON.stringify(names));
