// Import of voluntary self-identification (issue 16): a CSV with `application_id` or `email`,
// `sex` and `race_ethnicity`. A dry run reads every row and reports, per line, what it would
// record or why it cannot (unknown application or e-mail, an e-mail with several applications,
// an unreadable category, a duplicate row); the real run records every row in one transaction
// with one audit entry, and records nothing while any row has an error. Answers are read by
// SexAnswerSchema / RaceEthnicityAnswerSchema: "Prefer not to say" is unknown (null), "femal" an
// error. Only compliance users and admins reach this (the "fairness.read" permission).
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { RaceEthnicityCategory, SexCategory } from "./categories.ts";
import { CsvSyntaxError, readCsv } from "./read-csv.ts";
import { RaceEthnicityAnswerSchema, SexAnswerSchema } from "./self-identification.ts";

/** Largest CSV accepted (bytes): ~100 000 rows. */
export const MAX_SELF_IDENTIFICATION_CSV_BYTES = 5 * 1024 * 1024;

export interface ImportRow {
  /** 1-based line of the CSV. */
  line: number;
  /** The key as written (application id or e-mail). */
  key: string;
  applicationId: string | null;
  sex: SexCategory | null;
  raceEthnicity: RaceEthnicityCategory | null;
  /** Why the row cannot be recorded; empty when it can. */
  errors: string[];
}

export interface ImportPlan {
  rows: ImportRow[];
  valid: number;
  invalid: number;
}

function header(fields: readonly string[]): { id: number; email: number; sex: number; race: number } {
  const names = fields.map((field) =>
    field
      .trim()
      .toLowerCase()
      .replace(/[\s/-]+/g, "_"),
  );
  const at = (...options: string[]) => names.findIndex((name) => options.includes(name));
  const columns = {
    id: at("application_id", "applicationid"),
    email: at("email", "e_mail", "candidate_email"),
    sex: at("sex"),
    race: at("race_ethnicity", "raceethnicity", "race"),
  };
  const missing: string[] = [];
  if (columns.id === -1 && columns.email === -1) missing.push("application_id or email");
  if (columns.sex === -1) missing.push("sex");
  if (columns.race === -1) missing.push("race_ethnicity");
  if (missing.length > 0) {
    throw new AppError("invalid_input", `The CSV's first line must name the columns: missing ${missing.join(", ")}.`);
  }
  return columns;
}

/** Reads the CSV and matches every row to an application; writes nothing. */
export async function planSelfIdentificationImport(db: Db, text: string): Promise<ImportPlan> {
  let records;
  try {
    records = readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new AppError("invalid_input", `The CSV cannot be read: ${error.message}.`);
    throw error;
  }
  if (records.length === 0) throw new AppError("invalid_input", "The CSV is empty.");
  const columns = header(records[0]!.fields);
  const body = records.slice(1);
  if (body.length === 0) throw new AppError("invalid_input", "The CSV has a header line but no rows.");

  const cell = (fields: readonly string[], index: number) => (index === -1 ? "" : (fields[index] ?? "").trim());
  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const record of body) {
    const id = cell(record.fields, columns.id);
    if (id) ids.add(id);
    else if (cell(record.fields, columns.email)) emails.add(cell(record.fields, columns.email).toLowerCase());
  }
  const known = new Set(
    (await db.application.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map((a) => a.id),
  );
  const byEmail = new Map<string, string[]>();
  if (emails.size > 0) {
    const found = await db.application.findMany({
      where: { candidate: { email: { in: [...emails], mode: "insensitive" } } },
      select: { id: true, candidate: { select: { email: true } } },
      orderBy: { id: "asc" },
    });
    for (const application of found) {
      const email = application.candidate.email!.toLowerCase();
      byEmail.set(email, [...(byEmail.get(email) ?? []), application.id]);
    }
  }

  const seen = new Map<string, number>();
  const rows: ImportRow[] = body.map((record) => {
    const errors: string[] = [];
    const id = cell(record.fields, columns.id);
    const email = cell(record.fields, columns.email).toLowerCase();
    let applicationId: string | null = null;
    if (id) {
      if (known.has(id)) applicationId = id;
      else errors.push(`unknown application id "${id}"`);
    } else if (email) {
      const matches = byEmail.get(email) ?? [];
      if (matches.length === 1) applicationId = matches[0]!;
      else if (matches.length === 0) errors.push(`no application has the e-mail "${email}"`);
      else errors.push(`"${email}" has ${matches.length} applications: use application_id`);
    } else {
      errors.push("no application id or e-mail");
    }
    if (applicationId) {
      const first = seen.get(applicationId);
      if (first !== undefined) errors.push(`duplicate: the application is also on line ${first}`);
      else seen.set(applicationId, record.line);
    }
    const sex = SexAnswerSchema.safeParse(cell(record.fields, columns.sex));
    if (!sex.success) errors.push(sex.error.issues[0]!.message);
    const race = RaceEthnicityAnswerSchema.safeParse(cell(record.fields, columns.race));
    if (!race.success) errors.push(race.error.issues[0]!.message);
    return {
      line: record.line,
      key: id || email,
      applicationId,
      sex: sex.success ? sex.data : null,
      raceEthnicity: race.success ? race.data : null,
      errors,
    };
  });
  const invalid = rows.filter((row) => row.errors.length > 0).length;
  return { rows, valid: rows.length - invalid, invalid };
}

/**
 * Records every row of the CSV in one transaction (replacing earlier answers of the same
 * applications), audited once; refuses with the plan when any row has an error.
 */
export async function importSelfIdentification(
  db: Db,
  actor: AuditActor,
  text: string,
  fileName: string,
): Promise<{ plan: ImportPlan; recorded: number }> {
  const plan = await planSelfIdentificationImport(db, text);
  if (plan.invalid > 0) return { plan, recorded: 0 };
  await db.$transaction(async (tx) => {
    for (const row of plan.rows) {
      const data = { sex: row.sex, raceEthnicity: row.raceEthnicity, source: "import", recordedById: actor.id };
      await tx.selfIdentification.upsert({
        where: { applicationId: row.applicationId! },
        create: { applicationId: row.applicationId!, ...data },
        update: { ...data, recordedAt: new Date() },
      });
    }
    // The audit entry names the file and the count, never anyone's answers.
    await recordAudit(tx, actor, {
      action: "fairness.self_identification.import",
      summary: `Imported self-identification for ${plan.rows.length} application${plan.rows.length === 1 ? "" : "s"} from ${fileName}`,
      targetType: "self_identification",
      after: { rows: plan.rows.length, file: fileName },
    });
  });
  return { plan, recorded: plan.rows.length };
}
