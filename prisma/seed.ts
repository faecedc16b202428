// `npm run db:seed`: demo users and a demo requisition with generated (fictional) résumés,
// queued for the worker exactly as an upload would be. Built from the same factories the
// tests use. Idempotent: an existing demo requisition is left as it is.
import { getConfig } from "../server/config.ts";
import { createPrismaClient } from "../server/db/client.ts";
import { intakeResume } from "../server/intake/intake-resume.ts";
import { createParseQueue, enqueueParseResume } from "../server/queue/parse-queue.ts";
import { createProducerConnection } from "../server/queue/redis.ts";
import { makePdf } from "../tests/factories/pdf-writer.ts";
import { makeResumeText, PROFILES } from "../tests/factories/resume-factory.ts";

const DEMO_REQUISITION_TITLE = "Machine Learning Engineer — Recommendations (demo)";

const DEMO_USERS = [
  { email: "admin@example.com", name: "Avery Admin", role: "ADMIN" },
  { email: "recruiter@example.com", name: "Riley Recruiter", role: "RECRUITER" },
  { email: "manager@example.com", name: "Morgan Manager", role: "HIRING_MANAGER" },
] as const;

const config = getConfig();
const db = createPrismaClient(config.DATABASE_URL);
const connection = createProducerConnection(config.REDIS_URL);
connection.on("error", () => {});
const queue = createParseQueue(connection, config.QUEUE_PREFIX);

try {
  for (const user of DEMO_USERS) {
    await db.user.upsert({ where: { email: user.email }, update: {}, create: user });
  }
  const recruiter = await db.user.findUniqueOrThrow({ where: { email: "recruiter@example.com" } });
  const existing = await db.requisition.findFirst({ where: { title: DEMO_REQUISITION_TITLE } });
  if (existing) {
    console.log(`Demo data already present (requisition ${existing.id}).`);
  } else {
    const requisition = await db.requisition.create({
      data: {
        title: DEMO_REQUISITION_TITLE,
        team: "Personalisation",
        location: "Remote (EU)",
        description:
          "Build and run the models behind our recommendations: feature pipelines, training, serving at low latency, monitoring. Needs both production engineering and ML depth.",
        createdById: recruiter.id,
      },
    });
    const files = PROFILES.flatMap((profile, index) => {
      const text = makeResumeText(profile);
      const slug = profile.name
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z]+/g, "-");
      return index % 2 === 0
        ? [{ name: `${slug}.pdf`, bytes: makePdf(text.split("\n")) }]
        : [{ name: `${slug}.txt`, bytes: new TextEncoder().encode(text) }];
    });
    // A file a real applicant might send that we cannot read: it shows a named reason in the table.
    files.push({ name: "portfolio-photo.pdf", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    for (const file of files) {
      const outcome = await intakeResume(
        { db, enqueue: (id) => enqueueParseResume(queue, id), maxBytes: config.MAX_UPLOAD_BYTES },
        { requisitionId: requisition.id, file, uploadedById: recruiter.id },
      );
      console.log(`  ${outcome.fileName}: ${outcome.accepted ? outcome.status : `refused (${outcome.reason.code})`}`);
    }
    console.log(`Seeded demo requisition ${requisition.id} with ${files.length} résumés.`);
  }
} finally {
  await queue.close();
  // BullMQ does not close a connection it was given.
  connection.disconnect();
  await db.$disconnect();
}
