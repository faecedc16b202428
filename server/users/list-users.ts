// Users for the admin's users page, with the requisitions each one is a member of.
import type { Db } from "../db/client.ts";

export async function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: [{ disabled: "asc" }, { role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      createdAt: true,
      passwordChangedAt: true,
      memberships: { select: { requisition: { select: { id: true, title: true } } } },
      sessions: {
        where: { expiresAt: { gt: new Date() } },
        select: { lastSeenAt: true },
        orderBy: { lastSeenAt: "desc" },
        take: 1,
      },
    },
  });
}

export async function getUserForAdmin(db: Db, id: string) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      createdAt: true,
      passwordChangedAt: true,
      memberships: { select: { requisitionId: true } },
      _count: { select: { sessions: true } },
    },
  });
}
