// The candidate page's server side for "Mark reviewed" and "Upload a new version" (domain code in
// server/candidates/mark-reviewed.ts and replace-resume.ts): the web process's queue and limits.
import type { AuditActor } from "@server/audit/record-audit.ts";
import { replaceResume, type ReplaceResumeInput } from "@server/candidates/replace-resume.ts";
import { removeFinishedJob } from "@server/queue/retry-application.ts";
import { enqueueParse, getConfig, getParseQueue, getPrisma } from "@server/services.ts";

export { markReviewed } from "@server/candidates/mark-reviewed.ts";

export function replaceResumeFile(actor: AuditActor, input: Omit<ReplaceResumeInput, "maxBytes">) {
  return replaceResume(
    {
      db: getPrisma(),
      // A finished job kept under `parse-<id>` would swallow the new one (as for Retry).
      enqueue: async (id, options) => {
        await removeFinishedJob(getParseQueue(), id);
        await enqueueParse(id, options);
      },
    },
    actor,
    { ...input, maxBytes: getConfig().MAX_UPLOAD_BYTES },
  );
}
