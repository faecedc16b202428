// Self-identification stays apart: the lint rule of eslint.config.js must stop the screening
// side of the product from importing it, in every way an import can be written.
import { resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import {
  ApplicationIdSchema,
  RaceEthnicityAnswerSchema,
  SelfIdentificationSchema,
  SexAnswerSchema,
} from "./self-identification.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const RULE = "no-restricted-imports";

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, filePath) });
  return result!.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe("the self-identification import rule (eslint.config.js)", () => {
  const forms = [
    'import { SelfIdentificationSchema } from "../fairness/self-identification.ts";\nvoid SelfIdentificationSchema;\n',
    'import type { SelfIdentification } from "../fairness/self-identification";\nexport type T = SelfIdentification;\n',
    'export { SexSchema } from "@server/fairness/self-identification.ts";\n',
    'import "../../server/fairness/self-identification-store.ts";\n',
  ];
  const guarded = [
    "server/scoring/probe.ts",
    "server/ranking/probe.ts",
    "server/resume/probe.ts",
    "server/taxonomy/probe.ts",
    "server/screening/probe.ts",
    "server/candidates/probe.ts",
    "server/exports/probe.ts",
  ];

  it.each(guarded)("fires in %s for every form of import", async (file) => {
    for (const code of forms) {
      const messages = await restrictedImports(file, code);
      expect(messages, code).toHaveLength(1);
      expect(messages[0]).toMatch(/fairness report only/);
    }
  });

  it("leaves the fairness module itself, and the rest of fairness, alone", async () => {
    expect(await restrictedImports("server/fairness/probe.ts", forms[0]!)).toEqual([]);
    const calculation = 'import { computeImpact } from "../fairness/compute-impact.ts";\nvoid computeImpact;\n';
    expect(await restrictedImports("server/scoring/probe.ts", calculation)).toEqual([]);
  });
});

describe("SelfIdentificationSchema", () => {
  it("accepts the EEO-1 categories and null for unknown, nothing else", () => {
    const base = { applicationId: "cmiu3x0qa0001f5l8h2k9z7wd", source: "import" };
    expect(SelfIdentificationSchema.parse({ ...base, sex: "female", raceEthnicity: null })).toMatchObject({
      sex: "female",
      raceEthnicity: null,
    });
    expect(SelfIdentificationSchema.safeParse({ ...base, sex: "Female", raceEthnicity: "asian" }).success).toBe(false);
  });

  it("takes application ids as the app makes them (Prisma cuids), not UUIDs", () => {
    const answers = { sex: null, raceEthnicity: null, source: "compliance_user" };
    expect(
      SelfIdentificationSchema.parse({ ...answers, applicationId: " cmiu3x0qa0001f5l8h2k9z7wd " }).applicationId,
    ).toBe("cmiu3x0qa0001f5l8h2k9z7wd");
    for (const bad of [
      "7f1c6a0e-8a7e-4c1b-9d8e-2f9b3f1a2b3c",
      "",
      "cmiu3x0qa",
      "CMIU3X0QA0001F5L8H2K9Z7WD",
      "x".repeat(25),
    ]) {
      const parsed = SelfIdentificationSchema.safeParse({ ...answers, applicationId: bad });
      expect(parsed.success, bad).toBe(false);
    }
    expect(ApplicationIdSchema.safeParse("7f1c6a0e-8a7e-4c1b-9d8e-2f9b3f1a2b3c").error?.issues[0]?.message).toMatch(
      /not an application id/,
    );
  });

  it("reads free-text answers, reporting what it cannot read", () => {
    expect(SexAnswerSchema.parse("F")).toBe("female");
    expect(SexAnswerSchema.parse("Prefer not to say")).toBeNull();
    expect(RaceEthnicityAnswerSchema.parse("White (Not Hispanic or Latino)")).toBe("white");
    const bad = RaceEthnicityAnswerSchema.safeParse("Whtie");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('unrecognised race/ethnicity "Whtie"');
  });
});
