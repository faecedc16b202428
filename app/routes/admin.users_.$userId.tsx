// Admin: one account — role, requisition memberships, password reset, disable/enable.
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { MIN_PASSWORD_LENGTH } from "@server/auth/password-rules.ts";
import {
  AccountStateSchema,
  ChangeRoleSchema,
  MembershipsSchema,
  ResetPasswordSchema,
} from "@server/users/user-input.ts";
import { ErrorPanel } from "~/components/error-panel.tsx";
import { RoleBadge, ROLE_OPTIONS } from "~/components/role-badge.tsx";
import { TextField } from "~/components/text-field.tsx";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import {
  changeUserRole,
  getUserForAdmin,
  resetUserPassword,
  setUserDisabled,
  setUserMemberships,
} from "~/lib/users.server.ts";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { notFound } from "~/lib/app-error.server.ts";

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => {
    const page = match.data as SerializeFrom<typeof loader> | undefined;
    return [
      { label: "Users", to: "/admin/users" },
      { label: page ? page.user.name : "Account", to: match.pathname },
    ];
  },
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.user.name ?? "User"} · Admin · MLE Screening` },
];

function userNotFound(): never {
  notFound("Account not found", "This account does not exist. Go back to the users list.");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "users.manage");
  const db = getPrisma();
  const user = params.userId ? await getUserForAdmin(db, params.userId) : null;
  if (!user) userNotFound();
  const requisitions = await db.requisition.findMany({
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, title: true, status: true },
  });
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: user.disabled,
      sessions: user._count.sessions,
      memberOf: user.memberships.map((m) => m.requisitionId),
    },
    requisitions,
  };
}

type Intent = "role" | "memberships" | "password" | "disable" | "enable";
const DONE: Record<Intent, string> = {
  role: "Role changed.",
  memberships: "Requisitions saved.",
  password: "Password reset; the account was signed out everywhere.",
  disable: "Account disabled and signed out everywhere.",
  enable: "Account enabled again.",
};

/** A form whose fields its schema refused: the first message, as the page shows refusals. */
function refused(intent: Intent, error: Record<string, string[] | null> | null | undefined) {
  const message = Object.values(error ?? {}).flatMap((messages) => messages ?? [])[0] ?? "Invalid request.";
  return data({ ok: false as const, intent, message }, { status: 400 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users.manage");
  const db = getPrisma();
  const userId = params.userId ?? "";
  if (!(await getUserForAdmin(db, userId))) userNotFound();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as Intent;
  const actor = auditActor(admin);
  const ip = clientIp(request, context);
  try {
    switch (intent) {
      case "role": {
        // Each form of this page has its schema (server/users/user-input.ts); the domain checks again.
        const submission = parseWithZod(form, { schema: ChangeRoleSchema });
        if (submission.status !== "success") return refused(intent, submission.error);
        await changeUserRole(db, userId, submission.value.role, actor, ip);
        break;
      }
      case "memberships": {
        const submission = parseWithZod(form, { schema: MembershipsSchema });
        if (submission.status !== "success") return refused(intent, submission.error);
        await setUserMemberships(db, userId, submission.value.requisitionId, actor, ip);
        break;
      }
      case "password": {
        // The reset form is validated by its schema (the browser ran the same one); the domain checks again.
        const submission = parseWithZod(form, { schema: ResetPasswordSchema });
        if (submission.status !== "success") {
          const reply = submission.reply({ hideFields: ["password"] });
          return data({ ok: false as const, intent, message: "", reply }, { status: 400 });
        }
        try {
          await resetUserPassword(db, userId, submission.value.password, actor, ip);
        } catch (error) {
          if (!isAppError(error)) throw error;
          const reply = submission.reply({ fieldErrors: { password: [error.message] }, hideFields: ["password"] });
          return data({ ok: false as const, intent, message: error.message, reply }, { status: error.status });
        }
        return { ok: true as const, intent, message: DONE[intent], reply: submission.reply({ resetForm: true }) };
      }
      case "disable":
      case "enable": {
        const submission = parseWithZod(form, { schema: AccountStateSchema });
        if (submission.status !== "success") return refused(intent, submission.error);
        if (userId === admin.id) throw new AppError("forbidden", "You cannot disable your own account.");
        await setUserDisabled(db, userId, submission.value.intent === "disable", actor, ip);
        break;
      }
      default:
        return data(
          { ok: false as const, intent, message: "Unknown request: reload the page and try again." },
          { status: 400 },
        );
    }
  } catch (error) {
    if (isAppError(error))
      return data({ ok: false as const, intent, message: error.message }, { status: error.status });
    throw error;
  }
  return { ok: true as const, intent, message: DONE[intent] };
}

export default function AdminUser() {
  const { user, requisitions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorFor = (intent: Intent) => (result && !result.ok && result.intent === intent ? result.message : undefined);
  const [resetForm, resetFields] = useForm({
    id: "reset-password",
    lastResult: result && "reply" in result ? result.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title" data-testid="user-title">
            {user.name}
          </h1>
          <p className="page-subtitle">
            {user.email} · <RoleBadge role={user.role} />{" "}
            {user.disabled ? <span className="badge badge--danger">Disabled</span> : null} · {user.sessions} open
            session{user.sessions === 1 ? "" : "s"}
          </p>
        </div>
        <Link to={`/admin/audit?targetId=${user.id}`} className="button">
          History
        </Link>
      </div>
      {result?.ok ? (
        <p className="alert alert--success" role="status" data-testid="user-saved">
          {result.message}
        </p>
      ) : result && !result.ok && !["role", "memberships", "password", "disable", "enable"].includes(result.intent) ? (
        <p className="alert alert--error" role="alert">
          {result.message}
        </p>
      ) : null}
      <div className="admin-grid">
        <div className="stack">
          <section className="card" aria-labelledby="memberships-heading">
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="memberships" />
              <div>
                <h2 id="memberships-heading" className="card__title">
                  Requisitions
                </h2>
                <p className="field__hint">
                  {user.role === "ADMIN"
                    ? "Admins see every requisition; memberships matter only if the role changes."
                    : "Recruiters and hiring managers see only the requisitions ticked here."}
                </p>
              </div>
              {errorFor("memberships") ? <p className="alert alert--error">{errorFor("memberships")}</p> : null}
              {requisitions.length === 0 ? (
                <p className="muted">No requisitions yet.</p>
              ) : (
                <ul className="checkbox-list" data-testid="memberships">
                  {requisitions.map((r) => (
                    <li key={r.id}>
                      <label>
                        <input
                          type="checkbox"
                          name="requisitionId"
                          value={r.id}
                          defaultChecked={user.memberOf.includes(r.id)}
                        />
                        <span>
                          {r.title}
                          {r.status === "CLOSED" ? <span className="badge badge--muted">Closed</span> : null}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              <div className="form__actions">
                <button type="submit" className="button button--primary" disabled={busy} data-testid="save-memberships">
                  Save requisitions
                </button>
              </div>
            </Form>
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="role-heading">
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="role" />
              <h2 id="role-heading" className="card__title">
                Role
              </h2>
              <div className="field">
                <label htmlFor="role" className="field__label">
                  Role
                </label>
                <select id="role" name="role" defaultValue={user.role} key={user.role}>
                  {ROLE_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {errorFor("role") ? <p className="field__error">{errorFor("role")}</p> : null}
              </div>
              <div className="form__actions">
                <button type="submit" className="button" disabled={busy} data-testid="save-role">
                  Change role
                </button>
              </div>
            </Form>
          </section>
          <section className="card" aria-labelledby="reset-heading">
            <Form method="post" className="form" {...getFormProps(resetForm)}>
              <input type="hidden" name="intent" value="password" />
              <h2 id="reset-heading" className="card__title">
                Reset password
              </h2>
              <TextField
                field={resetFields.password}
                label="New password"
                type="password"
                autoComplete="new-password"
                hint={`At least ${MIN_PASSWORD_LENGTH} characters. Signs the account out everywhere.`}
              />
              <div className="form__actions">
                <button type="submit" className="button" disabled={busy} data-testid="reset-password">
                  Reset password
                </button>
              </div>
            </Form>
          </section>
          <section className="card danger-zone" aria-labelledby="status-heading">
            <Form method="post" className="form">
              <input type="hidden" name="intent" value={user.disabled ? "enable" : "disable"} />
              <h2 id="status-heading" className="card__title">
                {user.disabled ? "Enable account" : "Disable account"}
              </h2>
              <p className="field__hint">
                {user.disabled
                  ? "The person can sign in again with their password."
                  : "The person is signed out and cannot sign in. Their decisions and notes stay, attributed to them."}
              </p>
              {errorFor("disable") || errorFor("enable") ? (
                <p className="field__error">{errorFor("disable") ?? errorFor("enable")}</p>
              ) : null}
              <div className="form__actions">
                <button
                  type="submit"
                  className={user.disabled ? "button" : "button button--danger"}
                  disabled={busy}
                  data-testid="toggle-disabled"
                >
                  {user.disabled ? "Enable account" : "Disable account"}
                </button>
              </div>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <ErrorPanel
      error={useRouteError()}
      actions={
        <Link to="/admin/users" className="button">
          Back to users
        </Link>
      }
    />
  );
}
