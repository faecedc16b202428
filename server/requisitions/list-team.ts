// Who works on a requisition (its members) and who could: the active recruiters and hiring
// managers. Admins are never listed: they see every requisition without a membership.
import type { Db } from "../db/client.ts";
import type { Role } from "../generated/prisma/enums.ts";

export interface TeamPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
}

/** The roles a team is made of; admins need no membership. */
export const TEAM_ROLES = ["RECRUITER", "HIRING_MANAGER"] as const satisfies readonly Role[];

const PERSON = { id: true, name: true, email: true, role: true, disabled: true } as const;

/** Active recruiters and hiring managers, recruiters first, by name: the choices of a team form. */
export async function listAssignableUsers(db: Db): Promise<TeamPerson[]> {
  return db.user.findMany({
    where: { role: { in: [...TEAM_ROLES] }, disabled: false },
    orderBy: [{ role: "asc" }, { name: "asc" }, { email: "asc" }],
    select: PERSON,
  });
}

/** A requisition's team (admins who happen to be members are left out) and everyone who could join. */
export async function loadTeam(
  db: Db,
  requisitionId: string,
): Promise<{ members: TeamPerson[]; assignable: TeamPerson[] }> {
  const [memberships, assignable] = await Promise.all([
    db.requisitionMember.findMany({
      where: { requisitionId, user: { role: { in: [...TEAM_ROLES] } } },
      select: { user: { select: PERSON } },
      orderBy: { user: { name: "asc" } },
    }),
    listAssignableUsers(db),
  ]);
  return { members: memberships.map((m) => m.user), assignable };
}
