// Producer side of the parse queue, used by intake (web), the seed and the worker's reconciler.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import {
  PARSE_RESUME_JOB,
  PARSE_RESUME_QUEUE,
  parseResumeJobId,
  type ParseResumePayload,
} from "./parse-resume.job.ts";

export type ParseQueue = Queue<ParseResumePayload>;

export function createParseQueue(connection: Redis, prefix: string): ParseQueue {
  return new Queue<ParseResumePayload>(PARSE_RESUME_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 1_000 },
      // Outcomes live in PostgreSQL; finished jobs are dropped so a retry can reuse the job id.
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
}

/** Adds the parse job for an application. Adding it again while it exists is a no-op. */
export async function enqueueParseResume(
  queue: ParseQueue,
  applicationId: string,
  options: { background?: boolean } = {},
): Promise<void> {
  await queue.add(
    PARSE_RESUME_JOB,
    { version: 1, applicationId },
    // Background re-processing (a newer parser) waits behind fresh uploads.
    { jobId: parseResumeJobId(applicationId), ...(options.background ? { priority: 100 } : {}) },
  );
}
