import { type Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_REDIS_URL, uniqueName } from "../../tests/support/test-database.ts";
import { createParseQueue, enqueueParseResume } from "./parse-queue.ts";
import { parseResumeJobId } from "./parse-resume.job.ts";
import { createProducerConnection } from "./redis.ts";
import { whenRedisReady } from "./redis-ready.ts";

const connections: Redis[] = [];
function producer(url: string): Redis {
  const connection = createProducerConnection(url);
  connection.on("error", () => {});
  connections.push(connection);
  return connection;
}
afterAll(() => {
  for (const connection of connections) connection.disconnect();
});

describe("enqueueing never waits for a Redis that is down", () => {
  it("rejects with an `unavailable` AppError when Redis is unreachable (BullMQ alone would wait forever)", async () => {
    const queue = createParseQueue(producer("redis://127.0.0.1:1"), uniqueName("mle_down"));
    await expect(enqueueParseResume(queue, "app-1")).rejects.toMatchObject({ name: "AppError", code: "unavailable" });
    // ...and every later call too, without a first-connection grace period.
    await expect(enqueueParseResume(queue, "app-2")).rejects.toThrow(/Redis is not reachable/);
  });

  it("waits for a fresh connection to come up, then enqueues once per application", async () => {
    const connection = producer(TEST_REDIS_URL);
    const queue = createParseQueue(connection, uniqueName("mle_up"));
    await enqueueParseResume(queue, "app-1");
    await enqueueParseResume(queue, "app-1");
    await whenRedisReady(connection);
    expect(await queue.getJob(parseResumeJobId("app-1"))).toBeDefined();
    expect(await queue.count()).toBe(1);
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
