import type { Db } from "../db/client.ts";

export async function getRequisition(db: Db, id: string) {
  return db.requisition.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      team: true,
      location: true,
      description: true,
      status: true,
      blindReview: true,
      createdAt: true,
    },
  });
}
