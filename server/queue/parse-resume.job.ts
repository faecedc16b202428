// The parse-résumé job: it carries only the application id. The row in PostgreSQL is the
// source of truth; the job id is derived from the application so a résumé is never queued twice.
import { z } from "zod";

export const PARSE_RESUME_QUEUE = "parse-resume";
export const PARSE_RESUME_JOB = "parse-resume";

export const ParseResumePayloadSchema = z.object({
  version: z.literal(1),
  applicationId: z.string().min(1).max(64),
});
export type ParseResumePayload = z.infer<typeof ParseResumePayloadSchema>;

export function parseResumeJobId(applicationId: string): string {
  return `parse-${applicationId}`;
}
