const LABELS: Record<string, string> = {
  ADMIN: "Admin",
  RECRUITER: "Recruiter",
  HIRING_MANAGER: "Hiring manager",
  COMPLIANCE: "Compliance",
};

export function RoleBadge({ role }: { role: string }) {
  return <span className={`badge role-badge role-badge--${role.toLowerCase()}`}>{LABELS[role] ?? role}</span>;
}

export const ROLE_OPTIONS = Object.entries(LABELS).map(([value, label]) => ({ value, label }));
