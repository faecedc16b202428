// The signed-in user's account: who they are, which requisitions they can see, and a password
// change (current password required; every other session is signed out).
import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { changePassword } from "@server/auth/change-password.ts";
import { isAppError } from "@server/errors/app-error.ts";
import { MIN_PASSWORD_LENGTH } from "@server/auth/password-rules.ts";
import { ROLE_LABELS } from "@server/auth/permissions.ts";
import { TextField } from "~/components/text-field.tsx";
import { ChangePasswordSchema } from "~/forms/change-password.ts";
import { auditActor, clientIp, loginLimits, requireUser } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { invalidForm, replyWithAppError } from "~/lib/app-error.server.ts";

export const meta: MetaFunction = () => [{ title: "Account · MLE Screening" }];

/** Too many wrong current passwords: the 429's Retry-After reaches the document response only through this. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getPrisma();
  const [memberships, sessions] = await Promise.all([
    user.role === "ADMIN"
      ? Promise.resolve(null)
      : db.requisitionMember.findMany({
          where: { userId: user.id },
          select: { requisition: { select: { id: true, title: true, status: true } } },
          orderBy: { createdAt: "asc" },
        }),
    db.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } }),
  ]);
  return {
    user: { name: user.name, email: user.email, role: ROLE_LABELS[user.role] },
    requisitions: memberships?.map((m) => m.requisition) ?? null,
    sessions,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema });
  const secrets = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") return invalidForm(submission.reply({ hideFields: secrets }));

  let result;
  try {
    result = await changePassword(
      getPrisma(),
      { userId: user.id, sessionId: user.sessionId, ...submission.value },
      { ...auditActor(user), ip: clientIp(request, context) },
      // Current-password guesses count against the sign-in limits (server/auth/login-rate-limit.ts).
      loginLimits(),
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    // The message goes next to the field it names (an issue without a path: above the form);
    // a 429 carries Retry-After.
    return replyWithAppError((options) => submission.reply({ ...options, hideFields: secrets }), error);
  }
  return { ...submission.reply({ resetForm: true }), otherSessionsEnded: result.otherSessionsEnded };
}

export default function Account() {
  const { user, requisitions, sessions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  // A successful change replies with a reset form (no status) and how many sessions it ended.
  const changed = lastResult && "otherSessionsEnded" in lastResult ? lastResult : null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Account</h1>
          <p className="page-subtitle">
            {user.name} · {user.email} · {user.role}
          </p>
        </div>
      </div>
      <div className="admin-grid">
        <section className="card stack" aria-labelledby="password-heading">
          <h2 id="password-heading" className="card__title">
            Change password
          </h2>
          {changed ? (
            <p className="alert alert--success" role="status" data-testid="password-changed">
              Password changed.{" "}
              {changed.otherSessionsEnded > 0
                ? `${changed.otherSessionsEnded} other session${changed.otherSessionsEnded === 1 ? " was" : "s were"} signed out.`
                : "No other session was open."}
            </p>
          ) : null}
          <Form method="post" className="form" {...getFormProps(form)}>
            <TextField
              field={fields.currentPassword}
              label="Current password"
              type="password"
              autoComplete="current-password"
            />
            <TextField
              field={fields.newPassword}
              label="New password"
              type="password"
              autoComplete="new-password"
              hint={`At least ${MIN_PASSWORD_LENGTH} characters. Other browsers signed in as you will be signed out.`}
            />
            <TextField
              field={fields.confirmPassword}
              label="New password again"
              type="password"
              autoComplete="new-password"
            />
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={navigation.state === "submitting"}
                data-testid="change-password"
              >
                Change password
              </button>
            </div>
          </Form>
        </section>
        <aside className="card stack" aria-labelledby="access-heading">
          <h2 id="access-heading" className="card__title">
            Access
          </h2>
          <dl className="definition-list">
            <dt>Role</dt>
            <dd>{user.role}</dd>
            <dt>Signed in</dt>
            <dd>
              {sessions} session{sessions === 1 ? "" : "s"}
            </dd>
          </dl>
          {requisitions === null ? (
            <p className="muted small">Admins see every requisition.</p>
          ) : requisitions.length === 0 ? (
            <p className="muted small">You are not a member of any requisition yet. Ask an admin to add you.</p>
          ) : (
            <ul className="checkbox-list">
              {requisitions.map((r) => (
                <li key={r.id}>
                  <Link to={`/requisitions/${r.id}`}>{r.title}</Link>
                  {r.status === "CLOSED" ? <span className="badge badge--muted">Closed</span> : null}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}
