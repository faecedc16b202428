// One application's self-identification, recorded or edited by a compliance user (issue 16,
// item 1: "or by a compliance user on a separate screen"). The application is found within a
// requisition by its id or the candidate's e-mail; the answers are read by the import's own
// readers (SexAnswerSchema, RaceEthnicityAnswerSchema) and checked by SelfIdentificationSchema,
// so "declined" is unknown (null) and nothing else outside the EEO-1 categories gets in. The
// change and its audit entry are written together; the entry never holds the answers.
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError, type FieldIssue } from "../errors/app-error.ts";
import type { RaceEthnicityCategory, SexCategory } from "./categories.ts";
import {
  ApplicationIdSchema,
  RaceEthnicityAnswerSchema,
  SelfIdentificationSchema,
  SexAnswerSchema,
} from "./self-identification.ts";

export interface EntryApplication {
  id: string;
  /** The name the screening read, or the file name: to tell candidates with one e-mail apart. */
  label: string;
  email: string | null;
  createdAt: string;
  /** What is recorded now; null when nothing is. */
  current: {
    sex: SexCategory | null;
    raceEthnicity: RaceEthnicityCategory | null;
    source: string;
    recordedAt: string;
  } | null;
}

const SELECT = {
  id: true,
  createdAt: true,
  displayName: true,
  candidate: { select: { email: true } },
  resumeFile: { select: { originalName: true } },
  selfIdentification: { select: { sex: true, raceEthnicity: true, source: true, recordedAt: true } },
} as const;

type Found = {
  id: string;
  createdAt: Date;
  displayName: string | null;
  candidate: { email: string | null };
  resumeFile: { originalName: string };
  selfIdentification: { sex: string | null; raceEthnicity: string | null; source: string; recordedAt: Date } | null;
};

function entryOf(application: Found): EntryApplication {
  const answers = application.selfIdentification;
  return {
    id: application.id,
    label: application.displayName ?? application.resumeFile.originalName,
    email: application.candidate.email,
    createdAt: application.createdAt.toISOString(),
    current: answers
      ? {
          sex: answers.sex as SexCategory | null,
          raceEthnicity: answers.raceEthnicity as RaceEthnicityCategory | null,
          source: answers.source,
          recordedAt: answers.recordedAt.toISOString(),
        }
      : null,
  };
}

/**
 * The applications of a requisition matching an application id or a candidate's e-mail (several
 * when one e-mail applied more than once). A clear error when there is none, or the key is neither.
 */
export async function findApplicationsForEntry(
  db: Db,
  requisitionId: string,
  key: string,
): Promise<EntryApplication[]> {
  const wanted = key.trim();
  if (!wanted) throw new AppError("invalid_input", "Enter an application id or the candidate's e-mail.");
  const requisition = await db.requisition.findUnique({ where: { id: requisitionId }, select: { id: true } });
  if (!requisition) throw new AppError("not_found", "This requisition does not exist.");

  if (wanted.includes("@")) {
    const found = await db.application.findMany({
      where: { requisitionId, candidate: { email: { equals: wanted, mode: "insensitive" } } },
      select: SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    if (found.length === 0) {
      throw new AppError("not_found", `No application in this requisition has the e-mail “${wanted}”.`);
    }
    return found.map(entryOf);
  }

  const id = ApplicationIdSchema.safeParse(wanted);
  if (!id.success) {
    throw new AppError(
      "invalid_input",
      `“${wanted.slice(0, 80)}” is neither an e-mail nor an application id (they look like cmi9x2k1f0000abcd1234efgh).`,
    );
  }
  const application = await db.application.findUnique({
    where: { id: id.data },
    select: { ...SELECT, requisitionId: true },
  });
  if (!application) throw new AppError("not_found", `No application has the id ${id.data}.`);
  if (application.requisitionId !== requisitionId) {
    throw new AppError("not_found", `Application ${id.data} is not in this requisition: choose its requisition.`);
  }
  return [entryOf(application)];
}

export interface EntryInput {
  requisitionId: string;
  applicationId: string;
  /** "male", "female", "declined" (or any answer the import reads). */
  sex: string | null;
  raceEthnicity: string | null;
}

/**
 * Records (or replaces) one application's answers, audited, and returns the application as it
 * now stands. Field errors name the field; nothing is written while any remains.
 */
export async function recordSelfIdentification(
  db: Db,
  actor: AuditActor,
  input: EntryInput,
  options: { ip?: string | null } = {},
): Promise<EntryApplication> {
  const issues: FieldIssue[] = [];
  const answer = <T>(
    value: string | null,
    schema: typeof SexAnswerSchema | typeof RaceEthnicityAnswerSchema,
    path: string,
    what: string,
  ): T | null => {
    if (value === null || value.trim() === "") {
      issues.push({ path, message: `Choose a ${what} or “Declined to answer”.` });
      return null;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      issues.push({ path, message: parsed.error.issues[0]!.message });
      return null;
    }
    return parsed.data as T | null;
  };
  const sex = answer<SexCategory>(input.sex, SexAnswerSchema, "sex", "sex");
  const raceEthnicity = answer<RaceEthnicityCategory>(
    input.raceEthnicity,
    RaceEthnicityAnswerSchema,
    "raceEthnicity",
    "race/ethnicity",
  );
  const checked = SelfIdentificationSchema.safeParse({
    applicationId: input.applicationId,
    sex,
    raceEthnicity,
    source: "compliance_user",
  });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      if (issue.path[0] === "applicationId") issues.push({ path: "applicationId", message: issue.message });
    }
  }
  if (issues.length > 0 || !checked.success) {
    throw new AppError("invalid_input", issues[0]?.message ?? "Check the answers.", { issues });
  }
  const record = checked.data;

  const application = await db.application.findUnique({
    where: { id: record.applicationId },
    select: { requisitionId: true, selfIdentification: { select: { applicationId: true } } },
  });
  if (!application || application.requisitionId !== input.requisitionId) {
    throw new AppError("not_found", `No application with the id ${record.applicationId} in this requisition.`);
  }

  await db.$transaction(async (tx) => {
    const data = {
      sex: record.sex,
      raceEthnicity: record.raceEthnicity,
      source: record.source,
      recordedById: actor.id,
    };
    await tx.selfIdentification.upsert({
      where: { applicationId: record.applicationId },
      create: { applicationId: record.applicationId, ...data },
      update: { ...data, recordedAt: new Date() },
    });
    // Which application and who, never the answers (as for the import).
    await recordAudit(tx, actor, {
      action: "fairness.self_identification.record",
      summary: `${application.selfIdentification ? "Edited" : "Recorded"} the self-identification of application ${record.applicationId}`,
      targetType: "self_identification",
      targetId: record.applicationId,
      requisitionId: input.requisitionId,
      before: { recorded: application.selfIdentification !== null },
      after: { recorded: true, source: record.source },
      ip: options.ip ?? null,
    });
  });
  const [entry] = await findApplicationsForEntry(db, input.requisitionId, record.applicationId);
  return entry!;
}

/**
 * A CSV to fill in for the import: one line per application of the requisition (oldest first),
 * the application id filled in and the answers empty. No names, no e-mails.
 */
export async function selfIdentificationTemplate(
  db: Db,
  requisitionId: string,
): Promise<{ csv: string; rows: number }> {
  const requisition = await db.requisition.findUnique({ where: { id: requisitionId }, select: { id: true } });
  if (!requisition) throw new AppError("not_found", "This requisition does not exist.");
  const applications = await db.application.findMany({
    where: { requisitionId },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const lines = ["application_id,sex,race_ethnicity", ...applications.map(({ id }) => `${id},,`)];
  return { csv: `${lines.join("\r\n")}\r\n`, rows: applications.length };
}
