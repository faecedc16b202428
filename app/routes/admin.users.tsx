// Admin: every account with its role, status and requisitions; create an account.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@server/auth/password-rules.ts";
import { NewUserSchema } from "@server/users/user-input.ts";
import { FieldError } from "~/components/field-error.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { RoleBadge, ROLE_OPTIONS } from "~/components/role-badge.tsx";
import { TextField } from "~/components/text-field.tsx";
import { invalidForm, replyWithAppError } from "~/lib/app-error.server.ts";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { plural } from "~/lib/format.ts";
import { createUser, listUsers } from "~/lib/users.server.ts";
import { isAppError } from "@server/errors/app-error.ts";

export const meta: MetaFunction = () => [{ title: "Users · Admin · MLE Screening" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users.manage");
  const users = await listUsers(getPrisma());
  const created = new URL(request.url).searchParams.get("created");
  return {
    created,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      disabled: u.disabled,
      createdAt: u.createdAt.toISOString(),
      lastSeenAt: u.sessions[0]?.lastSeenAt.toISOString() ?? null,
      requisitions: u.memberships.map((m) => m.requisition),
    })),
  };
}

/** The create form: its fields plus which form posted. */
const CreateUserSchema = NewUserSchema.extend({ intent: z.literal("create") });

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users.manage");
  const submission = parseWithZod(await request.formData(), { schema: CreateUserSchema });
  if (submission.status !== "success") {
    return invalidForm(submission.reply({ hideFields: ["password"] }));
  }
  try {
    const { intent: _intent, ...input } = submission.value;
    const user = await createUser(getPrisma(), input, auditActor(admin), clientIp(request, context));
    return redirect(`/admin/users?created=${encodeURIComponent(user.email)}`);
  } catch (error) {
    if (isAppError(error)) {
      return replyWithAppError((options) => submission.reply({ ...options, hideFields: ["password"] }), error);
    }
    throw error;
  }
}

export default function AdminUsers() {
  const { users, created } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { role: "RECRUITER" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Users</h1>
          <p className="page-subtitle">
            Accounts, roles and the requisitions each person can see. Every change is in the audit log.
          </p>
        </div>
      </div>
      {created ? (
        <p className="alert alert--success" role="status" data-testid="user-created">
          Account {created} created. Hand over the first password securely; they can change it under Account.
        </p>
      ) : null}
      <div className="admin-grid">
        <section className="card card--flush" aria-labelledby="users-heading">
          <div className="card__header">
            <h2 id="users-heading" className="card__title">
              Accounts <span className="count">{users.length}</span>
            </h2>
          </div>
          <div className="table-scroll">
            <table className="data-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Role</th>
                  <th scope="col">Requisitions</th>
                  <th scope="col">Last active</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} data-testid="user-row">
                    <td>
                      <Link to={`/admin/users/${user.id}`} className="row-title">
                        {user.name}
                      </Link>
                      <div className="row-meta">
                        {user.email}
                        {user.disabled ? <span className="badge badge--danger badge--muted">Disabled</span> : null}
                      </div>
                    </td>
                    <td>
                      <RoleBadge role={user.role} />
                    </td>
                    <td className="small">
                      {user.role === "ADMIN" ? (
                        <span className="muted">All</span>
                      ) : user.requisitions.length === 0 ? (
                        <span className="muted">None</span>
                      ) : (
                        user.requisitions.map((r) => r.title).join(", ")
                      )}
                    </td>
                    <td className="nowrap small">
                      {user.lastSeenAt ? (
                        <RelativeTime iso={user.lastSeenAt} />
                      ) : (
                        <span className="muted">Not signed in</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="card__footer muted small">{plural(users.length, "account")}</p>
        </section>

        <section className="card" aria-labelledby="create-heading">
          <Form method="post" className="form" data-testid="create-user-form" {...getFormProps(form)}>
            <h2 id="create-heading" className="card__title">
              Create an account
            </h2>
            {form.errors?.length ? (
              <p id={form.errorId} className="alert alert--error" role="alert">
                {form.errors[0]}
              </p>
            ) : null}
            <input type="hidden" name="intent" value="create" />
            <TextField field={fields.name} label="Name" autoComplete="off" />
            <TextField field={fields.email} label="E-mail" type="email" autoComplete="off" />
            <div className="field">
              <label htmlFor={fields.role.id} className="field__label">
                Role
              </label>
              <select {...getSelectProps(fields.role)}>
                {ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <FieldError field={fields.role} />
            </div>
            <TextField
              field={fields.password}
              label="First password"
              type="password"
              autoComplete="new-password"
              hint={`At least ${MIN_PASSWORD_LENGTH} characters. Add requisitions on the account's page.`}
            />
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={navigation.state === "submitting"}
                data-testid="create-user"
              >
                Create account
              </button>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
