// `npm run db:seed`: demo users (one per role, plus a second hiring manager), two demo
// requisitions with memberships so the role restrictions are visible, and generated (fictional)
// résumés queued for the worker exactly as an upload would be. Built from the same factories the
// tests use. Idempotent: existing users keep their passwords, an existing requisition is kept.
// `npm run db:seed -- --no-resumes` seeds users, requisitions and memberships only (the browser tests).
import { hashPassword } from "../server/auth/password.ts";
import { getConfig } from "../server/config.ts";
import { createPrismaClient } from "../server/db/client.ts";
import { intakeResume, type IntakeFile } from "../server/intake/intake-resume.ts";
import { createParseQueue, enqueueParseResume } from "../server/queue/parse-queue.ts";
import { createProducerConnection } from "../server/queue/redis.ts";
import { makePdf } from "../tests/factories/pdf-writer.ts";
import { makeResumeLines, makeResumeText, PROFILES, RESEARCHER } from "../tests/factories/resume-factory.ts";
import { encodeImage, renderGreyPage } from "../tests/factories/scan-writer.ts";

/** Every demo account signs in with this password (README, e2e tests and the bench rely on it). */
const DEMO_PASSWORD = "demo-password";

const DEMO_USERS = [
  { key: "admin", email: "admin@demo.test", name: "Avery Admin", role: "ADMIN" },
  { key: "recruiter", email: "recruiter@demo.test", name: "Riley Recruiter", role: "RECRUITER" },
  { key: "manager", email: "manager@demo.test", name: "Morgan Manager", role: "HIRING_MANAGER" },
  { key: "manager2", email: "manager2@demo.test", name: "Jordan Platform-Lead", role: "HIRING_MANAGER" },
] as const;
/** The accounts of earlier seeds, replaced by the ones above. */
const OLD_DEMO_EMAILS = ["admin@example.com", "recruiter@example.com", "manager@example.com"];

const DEMO_REQUISITIONS = [
  {
    title: "Machine Learning Engineer — Recommendations (demo)",
    team: "Personalisation",
    location: "Remote (EU)",
    description:
      "Build and run the models behind our recommendations: feature pipelines, training, serving at low latency, " +
      "monitoring. Needs both production engineering and ML depth.",
    members: ["recruiter", "manager"],
    profiles: "all",
  },
  {
    title: "ML Platform Engineer — Serving (demo)",
    team: "ML Platform",
    location: "Berlin",
    description:
      "Own the model-serving platform: containers, autoscaling, CI/CD for models, observability. " +
      "Only the platform lead is a member, so the demo recruiter and manager do not see it.",
    members: ["manager2"],
    profiles: "few",
  },
] as const;

const withResumes = !process.argv.includes("--no-resumes");
const config = getConfig();
const db = createPrismaClient(config.DATABASE_URL);
const connection = withResumes ? createProducerConnection(config.REDIS_URL) : null;
connection?.on("error", () => {});
const queue = connection ? createParseQueue(connection, config.QUEUE_PREFIX) : null;

async function demoFiles(which: "all" | "few"): Promise<IntakeFile[]> {
  const profiles = which === "all" ? PROFILES : PROFILES.slice(0, 3);
  const files = profiles.map((profile, index) => {
    const text = makeResumeText(profile);
    const slug = profile.name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z]+/g, "-");
    return index % 2 === 0
      ? { name: `${slug}.pdf`, bytes: makePdf(text.split("\n")) }
      : { name: `${slug}.txt`, bytes: new TextEncoder().encode(text) };
  });
  // A phone photo of a printed résumé (150 dpi, grey, JPEG): read by OCR like the others, with
  // the "OCR" source and its confidence stored (docs/extraction.md §6).
  if (which === "all") {
    const photographed = {
      ...RESEARCHER,
      name: "Noor Haddad",
      email: "noor.haddad@example.com",
      links: ["github.com/noor-haddad-ml"],
    };
    const page = await renderGreyPage(makePdf(makeResumeLines(photographed)));
    files.push({ name: "noor-haddad-photo.jpg", bytes: encodeImage(page, "jpeg") });
  }
  // A file a real applicant might send that we cannot read: it shows a named reason in the table
  // (a PNG photo's first 12 bytes: scans are read by OCR, but this one is cut short, "Damaged").
  if (which === "all") {
    files.push({
      name: "portfolio-photo.pdf",
      bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
  }
  return files;
}

try {
  await db.user.deleteMany({ where: { email: { in: OLD_DEMO_EMAILS } } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, string>();
  for (const { key, ...user } of DEMO_USERS) {
    const row = await db.user.upsert({
      where: { email: user.email },
      // An existing account keeps the password someone may have changed.
      update: {},
      create: { ...user, passwordHash, passwordChangedAt: new Date() },
      select: { id: true },
    });
    users.set(key, row.id);
  }
  console.log(`Demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(", ")}`);

  for (const spec of DEMO_REQUISITIONS) {
    const { members, profiles, ...fields } = spec;
    const createdById = users.get("recruiter")!;
    let requisition = await db.requisition.findFirst({ where: { title: spec.title }, select: { id: true } });
    const fresh = !requisition;
    requisition ??= await db.requisition.create({ data: { ...fields, createdById }, select: { id: true } });
    await db.requisitionMember.createMany({
      data: members.map((key) => ({ requisitionId: requisition.id, userId: users.get(key)! })),
      skipDuplicates: true,
    });
    if (!fresh) {
      console.log(`Demo requisition already present: ${spec.title} (${requisition.id}).`);
      continue;
    }
    if (!queue) {
      console.log(`Seeded demo requisition ${requisition.id} (no résumés).`);
      continue;
    }
    const files = await demoFiles(profiles);
    for (const file of files) {
      const outcome = await intakeResume(
        {
          db,
          enqueue: (id, options) => enqueueParseResume(queue, id, options),
          maxBytes: config.MAX_UPLOAD_BYTES,
        },
        { requisitionId: requisition.id, file, uploadedById: createdById },
      );
      console.log(`  ${outcome.fileName}: ${outcome.accepted ? outcome.status : `refused (${outcome.reason.code})`}`);
    }
    console.log(`Seeded demo requisition ${requisition.id} with ${files.length} résumés.`);
  }
} finally {
  await queue?.close();
  // BullMQ does not close a connection it was given.
  connection?.disconnect();
  await db.$disconnect();
}
