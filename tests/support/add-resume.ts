// One résumé through intake and the worker's processor, in-process, as an upload is: the
// application id back, whether the file was read or failed (a failure is stored with its reason).
import type { Db } from "../../server/db/client.ts";
import type { ExtractionLimits } from "../../server/extraction/extract-text.ts";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";

export async function addResume(
  context: { db: Db; limits: ExtractionLimits; now: Date },
  requisitionId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<string> {
  const { db, limits, now } = context;
  const outcome = await intakeResume(
    { db, enqueue: async () => {}, maxBytes: limits.maxBytes },
    { requisitionId, file },
  );
  if (!outcome.accepted) throw new Error(`refused ${file.name}`);
  await processParseResume({ db, limits, now: () => now }, { version: 1, applicationId: outcome.applicationId }).catch(
    () => "failed",
  );
  return outcome.applicationId;
}
