// `npm run db:seed`: demo users (one per role, plus a second hiring manager), two demo
// requisitions with memberships so the role restrictions are visible, and résumés queued for the
// worker exactly as an upload would be, so every score shown is the real pipeline's. The main
// requisition gets about 30 real résumés from ../shared/corpus/public when it is there (a spread of
// ML, data, backend and unrelated roles, and a few files that cannot be read, each with its named
// reason); without ../shared, generated (fictional) résumés from the test factories.
// Idempotent: existing users keep their passwords, an existing requisition is kept.
// `npm run db:seed -- --no-resumes` seeds users, requisitions and memberships only (the browser tests).
// `npm run db:seed -- --banner` prints the demo accounts and changes nothing (scripts/demo.sh).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
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
  {
    key: "admin",
    email: "admin@demo.test",
    name: "Avery Admin",
    role: "ADMIN",
    sees: "everything, plus users, audit log, retention and the queue dashboard",
  },
  {
    key: "recruiter",
    email: "recruiter@demo.test",
    name: "Riley Recruiter",
    role: "RECRUITER",
    sees: "the Recommendations requisition: upload, triage, notes, export, its team",
  },
  {
    key: "manager",
    email: "manager@demo.test",
    name: "Morgan Manager",
    role: "HIRING_MANAGER",
    sees: "the Recommendations requisition: weights, shortlist decisions",
  },
  {
    key: "manager2",
    email: "manager2@demo.test",
    name: "Jordan Platform-Lead",
    role: "HIRING_MANAGER",
    sees: "only the ML Platform requisition (membership restricts access)",
  },
  {
    key: "compliance",
    email: "compliance@demo.test",
    name: "Casey Compliance",
    role: "COMPLIANCE",
    sees: "only the Fairness screens: self-identification, the adverse-impact report, the consistency check",
  },
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

if (process.argv.includes("--banner")) {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(width)}  ${user.sees}`);
  process.exit(0);
}

/** Real résumés (../shared/corpus/README.md), read from there and never copied into the project. */
const CORPUS_DIR = path.resolve(import.meta.dirname, "../../shared/corpus/public");

/**
 * About 30 files of the corpus for the main requisition, picked to fill both axes: ML engineers
 * and researchers (high ML depth), data scientists and analysts, backend and full-stack engineers
 * (high production), unrelated roles (low on both), and four files that cannot be read (encrypted,
 * corrupt, a page without text, an OpenDocument file named .docx) to show their named reasons.
 */
const CORPUS_PICKS = [
  // ML engineers and researchers
  "01_rm_harvey_dent_mle.pdf",
  "06_rm_john_smith_python_mle.pdf",
  "59_prateek_chanda_ml_latex.pdf",
  "61_sudhir_dhameliya_ml_print_to_pdf.pdf",
  "65_phoebe_ly_mle_google_docs.pdf",
  "68_harkanwar_singh_ml_latex.pdf",
  "69_pulkit_gera_mle_moderncv.pdf",
  "71_harish_bhadauria_ml_word_textboxes.docx",
  "79_kausik_amancherla_mle_latex.pdf",
  "81_bharat_kaurav_ai_engineer_latex.pdf",
  // Data scientists and analysts
  "53_jerad_williams_data_scientist_word.pdf",
  "60_pete_vanbenthuysen_ds_latex.pdf",
  "66_mohit_arora_ds_two_column.pdf",
  "67_ramaswamy_iyappan_ds_latex.pdf",
  "70_nikhil_borade_ds_genai_latex.pdf",
  "72_arvinkritik_data_analyst_ml_word.docx",
  // Backend, full-stack and DevOps engineers
  "02_rm_bruce_wayne_fullstack.pdf",
  "05_rm_john_doe_fullstack.pdf",
  "21_awesomecv_resume_devops.pdf",
  "24_sb2nov_sourabh_bajaj.pdf",
  "50_latexcv_jan_kuester_two_column.pdf",
  "80_olivia_appleton_crocker_swe_ds_rendercv.pdf",
  "82_renato_juacaba_senior_fullstack_en.pdf",
  // Unrelated roles
  "04_rm_alfred_pennyworth_pm.pdf",
  "10_soupboss_01_accountant.pdf",
  "58_mason_landers_network_engineer_word365.pdf",
  // Files that cannot be read, each with its reason
  "26_edge_password_protected.pdf",
  "27_edge_corrupt.pdf",
  "29_edge_blank_no_text.pdf",
  "77_anthony_tanner_odt_named_docx.docx",
];

function corpusFiles(): IntakeFile[] | null {
  if (!existsSync(CORPUS_DIR)) return null;
  const present = CORPUS_PICKS.filter((name) => existsSync(path.join(CORPUS_DIR, name)));
  if (present.length < CORPUS_PICKS.length / 2) return null;
  // Uploaded under a plain name, as an applicant would send it ("harvey_dent_mle.pdf").
  return present.map((name) => ({
    name: name.replace(/^\d+_(rm_|edge_)?/, ""),
    bytes: new Uint8Array(readFileSync(path.join(CORPUS_DIR, name))),
  }));
}

const withResumes = !process.argv.includes("--no-resumes");
const config = getConfig();
const db = createPrismaClient(config.DATABASE_URL);
const connection = withResumes ? createProducerConnection(config.REDIS_URL) : null;
connection?.on("error", () => {});
const queue = connection ? createParseQueue(connection, config.QUEUE_PREFIX) : null;

async function demoFiles(which: "all" | "few"): Promise<IntakeFile[]> {
  const real = which === "all" ? corpusFiles() : null;
  if (real) console.log(`  ${real.length} real résumés from ${CORPUS_DIR}`);
  const profiles = which === "all" ? PROFILES : PROFILES.slice(0, 3);
  const files =
    real ??
    profiles.map((profile, index) => {
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
  // The example of an unreadable file: a phone photo that arrived cut short (a PNG's first 12
  // bytes under a .pdf name). Scans and photos are read by OCR, but this one holds no picture,
  // so it shows its named reason in the table instead of a score (the demo banner says so).
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
  for (const { key, sees: _sees, ...user } of DEMO_USERS) {
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
