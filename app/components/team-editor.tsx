// A requisition's team: the recruiters and hiring managers who are its members. TeamPicker is the
// checkbox list shared by the new-requisition form and the Settings tab; TeamEditor is the Settings
// tab's card, which posts to /requisitions/:id/team (app/routes/requisitions.$id.team.tsx).
// Admins see every requisition without a membership, so they are never listed.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { ROLE_LABELS } from "@server/auth/permissions.ts";
import { TeamSchema } from "@server/requisitions/requisition-input.ts";
import type { Role } from "@server/generated/prisma/enums.ts";

export interface TeamPersonView {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
}

/** Above this many people the list gets a filter box. */
const FILTER_FROM = 8;

/**
 * Checkboxes named `memberId`, recruiters and hiring managers in two groups. `lockedId` (the
 * signed-in recruiter) stays checked and cannot be unticked: removing yourself is refused anyway.
 */
export function TeamPicker({
  people,
  checked,
  lockedId,
  lockedNote,
  describedBy,
  testId,
}: {
  people: TeamPersonView[];
  checked: readonly string[];
  lockedId?: string | null;
  lockedNote?: string;
  describedBy?: string;
  testId?: string;
}) {
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const groups: Array<{ role: Role; title: string }> = [
    { role: "RECRUITER", title: "Recruiters" },
    { role: "HIRING_MANAGER", title: "Hiring managers" },
  ];
  return (
    <div className="team-picker" data-testid={testId}>
      {people.length >= FILTER_FROM ? (
        <div className="field team-picker__filter">
          <label className="visually-hidden" htmlFor={`${testId ?? "team"}-filter`}>
            Find a person
          </label>
          <input
            id={`${testId ?? "team"}-filter`}
            type="search"
            placeholder="Find a person by name or e-mail"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      ) : null}
      {people.length === 0 ? (
        <p className="muted small">No recruiters or hiring managers have accounts yet; an admin creates them.</p>
      ) : null}
      {groups.map(({ role, title }) => {
        const inGroup = people.filter((p) => p.role === role);
        if (inGroup.length === 0) return null;
        return (
          <fieldset key={role} className="team-picker__group" aria-describedby={describedBy}>
            <legend className="field__label">{title}</legend>
            <ul className="checkbox-list">
              {inGroup.map((person) => {
                const locked = person.id === lockedId;
                const hidden =
                  needle !== "" &&
                  !person.name.toLowerCase().includes(needle) &&
                  !person.email.toLowerCase().includes(needle);
                return (
                  // Filtered-out people stay in the form (hidden), so their checkbox still posts.
                  <li key={person.id} hidden={hidden} data-testid="team-person">
                    <label>
                      <input
                        type="checkbox"
                        name="memberId"
                        value={person.id}
                        defaultChecked={checked.includes(person.id) || locked}
                        disabled={locked}
                      />
                      <span className="team-picker__who">
                        <span>{person.name}</span>
                        <span className="muted small team-picker__email">{person.email}</span>
                        {person.disabled ? <span className="badge badge--muted">Disabled</span> : null}
                        {locked && lockedNote ? <span className="muted small">{lockedNote}</span> : null}
                      </span>
                    </label>
                    {/* A disabled checkbox does not post: keep the locked person in the list. */}
                    {locked ? <input type="hidden" name="memberId" value={person.id} /> : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}

/** The team as names, recruiters first: for those who may not change it. */
export function TeamList({ members }: { members: TeamPersonView[] }) {
  if (members.length === 0) return <p className="muted small">Nobody yet: only admins can open this requisition.</p>;
  return (
    <ul className="team-list" data-testid="team-members">
      {members.map((person) => (
        <li key={person.id}>
          {person.name} <span className="muted small">{ROLE_LABELS[person.role]}</span>
        </li>
      ))}
    </ul>
  );
}

export interface TeamActionData {
  reply: SubmissionResult<string[]>;
  message?: string;
}

/** The Settings tab's Team card. */
export function TeamEditor({
  requisitionId,
  members,
  assignable,
  canEdit,
  currentUser,
}: {
  requisitionId: string;
  members: TeamPersonView[];
  assignable: TeamPersonView[];
  canEdit: boolean;
  currentUser: { id: string; role: Role };
}) {
  const fetcher = useFetcher<TeamActionData>();
  const [form, fields] = useForm({
    id: "team-form",
    lastResult: fetcher.data?.reply,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TeamSchema }),
    shouldValidate: "onSubmit",
  });
  const saving = fetcher.state !== "idle";
  // Disabled accounts still on the team are listed too, so saving does not drop them silently.
  const people = [...assignable, ...members.filter((m) => !assignable.some((a) => a.id === m.id))];
  const memberIds = members.map((m) => m.id);
  const isMember = memberIds.includes(currentUser.id);
  const hintId = "team-hint";
  const errors = [...(form.errors ?? []), ...(fields.memberId.errors ?? [])];
  return (
    <section className="card stack team-card" aria-labelledby="team-heading" data-testid="team-card">
      <h2 id="team-heading" className="card__title">
        Team <span className="badge badge--muted">{members.length}</span>
      </h2>
      <p id={hintId} className="muted small">
        Recruiters and hiring managers see a requisition only when they are on its team. Admins see every requisition.
      </p>
      {canEdit ? (
        <fetcher.Form method="post" action={`/requisitions/${requisitionId}/team`} {...getFormProps(form)}>
          {errors.length > 0 ? (
            <p className="alert alert--error" role="alert" id={form.errorId} data-testid="team-error">
              {errors.join(" ")}
            </p>
          ) : null}
          {fetcher.data?.message && fetcher.state === "idle" && errors.length === 0 ? (
            <p className="alert alert--success" role="status" data-testid="team-saved">
              {fetcher.data.message}
            </p>
          ) : null}
          <TeamPicker
            // Remount after a save so the boxes show the saved team.
            key={memberIds.join(",")}
            people={people}
            checked={memberIds}
            lockedId={currentUser.role !== "ADMIN" && isMember ? currentUser.id : null}
            lockedNote="you (another member or an admin can remove you)"
            describedBy={hintId}
            testId="team-picker"
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving} data-testid="save-team">
              {saving ? "Saving…" : "Save team"}
            </button>
          </div>
        </fetcher.Form>
      ) : (
        <>
          <TeamList members={members} />
          <p className="muted small">Recruiters on the team and admins change it.</p>
        </>
      )}
    </section>
  );
}
