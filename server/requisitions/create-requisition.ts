import type { Db } from "../db/client.ts";
import type { RequisitionInput } from "./requisition-input.ts";

export async function createRequisition(db: Db, input: RequisitionInput, createdById?: string | null) {
  return db.requisition.create({
    data: { ...input, createdById: createdById ?? null },
    select: { id: true, title: true },
  });
}
