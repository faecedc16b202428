// The people and data of the access tests: one user per role × membership, two requisitions,
// applications with stored files, an upload batch. Users get a real password (hashed with a low
// scrypt cost, the hash format records it) so the tests sign in through POST /login.
import { createHash } from "node:crypto";
import { hashPassword } from "../../server/auth/password.ts";
import type { Db } from "../../server/db/client.ts";
import type { Role } from "../../server/generated/prisma/enums.ts";

export const TEST_PASSWORD = "correct horse battery";
/** Cheap enough for tests; verifyPassword reads the cost from the hash. */
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

/** `compliance` (issue 16) is nobody's member: it sees only the fairness screens. */
export const ACTORS = ["admin", "recruiter", "recruiterOutsider", "manager", "managerOutsider", "compliance"] as const;
export type Actor = (typeof ACTORS)[number];
export type Caller = Actor | "anonymous";
export const CALLERS: readonly Caller[] = ["anonymous", ...ACTORS];

const ACTOR_ROLES: Record<Actor, Role> = {
  admin: "ADMIN",
  recruiter: "RECRUITER",
  recruiterOutsider: "RECRUITER",
  manager: "HIRING_MANAGER",
  managerOutsider: "HIRING_MANAGER",
  compliance: "COMPLIANCE",
};

export interface AccessFixtures {
  users: Record<Actor, { id: string; email: string }>;
  /** Members: recruiter and manager. */
  requisitionId: string;
  /** Members: the two outsiders. */
  otherRequisitionId: string;
  applicationId: string;
  /** Only for the erase route: whoever may erase, erases it. */
  eraseApplicationId: string;
  batchId: string;
}

export async function createApplication(
  db: Db,
  requisitionId: string,
  file: { name: string; bytes: Uint8Array; type: "PDF" | "DOCX" | "TXT" | null },
  candidate: { name?: string; email?: string; phone?: string } = {},
) {
  return db.application.create({
    data: {
      requisition: { connect: { id: requisitionId } },
      candidate: {
        create: { name: candidate.name ?? null, email: candidate.email ?? null, phone: candidate.phone ?? null },
      },
      resumeFile: {
        create: {
          originalName: file.name,
          detectedType: file.type,
          sizeBytes: file.bytes.byteLength,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          bytes: new Uint8Array(file.bytes),
        },
      },
      displayName: candidate.name ?? file.name,
      status: file.type ? "DONE" : "FAILED",
      failureCode: file.type ? null : "unsupported_type",
    },
    select: { id: true, candidateId: true, resumeFileId: true },
  });
}

export async function createAccessFixtures(db: Db): Promise<AccessFixtures> {
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_COST);
  const users = {} as AccessFixtures["users"];
  for (const actor of ACTORS) {
    const email = `${actor.toLowerCase()}@access.test`;
    const user = await db.user.create({
      data: { email, name: `Test ${actor}`, role: ACTOR_ROLES[actor], passwordHash },
    });
    users[actor] = { id: user.id, email };
  }
  const requisition = await db.requisition.create({
    data: {
      title: "Access: ML Engineer",
      members: { create: [{ userId: users.recruiter.id }, { userId: users.manager.id }] },
    },
  });
  const other = await db.requisition.create({
    data: {
      title: "Access: other team",
      members: { create: [{ userId: users.recruiterOutsider.id }, { userId: users.managerOutsider.id }] },
    },
  });
  const text = new TextEncoder().encode("Ada Lovelace\nMachine Learning Engineer\nPython, PyTorch, Kubernetes\n");
  const application = await createApplication(
    db,
    requisition.id,
    { name: "ada.txt", bytes: text, type: "TXT" },
    { name: "Ada Lovelace" },
  );
  const eraseTarget = await createApplication(
    db,
    requisition.id,
    { name: "erase-me.txt", bytes: text, type: "TXT" },
    { name: "Erin Erase" },
  );
  const batch = await db.uploadBatch.create({
    data: { requisitionId: requisition.id, fileCount: 1, createdById: users.recruiter.id },
  });
  await db.application.update({ where: { id: application.id }, data: { batchId: batch.id } });
  return {
    users,
    requisitionId: requisition.id,
    otherRequisitionId: other.id,
    applicationId: application.id,
    eraseApplicationId: eraseTarget.id,
    batchId: batch.id,
  };
}
