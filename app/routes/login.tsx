// Sign-in: e-mail and password. Public (the only page besides errors that is). The form posts as
// application/x-www-form-urlencoded and works without JavaScript.
import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { signIn, type SignedIn } from "@server/auth/sign-in.ts";
import { isAppError } from "@server/errors/app-error.ts";
import { FieldError } from "~/components/field-error.tsx";
import { SignInSchema } from "~/forms/sign-in.ts";
import { invalidForm, replyWithAppError } from "~/lib/app-error.server.ts";
import { clientIp, getUser, loginLimits, sessionCookie } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { HOME, safeRedirect } from "~/lib/safe-redirect.ts";

export const meta: MetaFunction = () => [{ title: "Sign in · MLE Screening" }];

/** The 429's Retry-After reaches the document response only through this export. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  // Already signed in: nothing to do here.
  if (await getUser(request)) throw redirect(redirectTo);
  return { redirectTo, signedOut: url.searchParams.get("signedOut") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  if (submission.status !== "success") {
    return invalidForm(submission.reply({ hideFields: ["password"] }));
  }
  const { email, password } = submission.value;
  // Decided before anything is written: an unsafe target (another site, or any spelling of one)
  // becomes the home page, and what comes out is always a valid Location header.
  const redirectTo = safeRedirect(submission.value.redirectTo);

  let result: SignedIn;
  try {
    result = await signIn(getPrisma(), { email, password, ip: clientIp(request, context) }, loginLimits());
  } catch (error) {
    // Wrong credentials (401) or too many attempts (429, with Retry-After).
    if (!isAppError(error)) throw error;
    return replyWithAppError((options) => submission.reply({ ...options, hideFields: ["password"] }), error);
  }
  // The home page for a compliance user is the fairness report: requisitions are not their work.
  const home = redirectTo === HOME && result.user.role === "COMPLIANCE" ? "/compliance/report" : redirectTo;
  return redirect(home, { headers: { "Set-Cookie": sessionCookie(request, result.token) } });
}

export default function Login() {
  const { redirectTo, signedOut } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const submitting = navigation.state !== "idle" && navigation.formAction === "/login";
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const cameFromPage = params.has("redirectTo") && !lastResult;

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby="login-title">
        <div>
          <h1 id="login-title" className="auth-card__title">
            Sign in
          </h1>
          <p className="auth-card__intro">Screening for machine-learning-engineer roles.</p>
        </div>
        {signedOut && !lastResult ? (
          <p className="alert alert--success" role="status" data-testid="signed-out">
            You are signed out.
          </p>
        ) : null}
        {cameFromPage ? (
          <p className="alert alert--info" role="status">
            Sign in to continue to that page.
          </p>
        ) : null}
        {form.errors?.length ? (
          <p id={form.errorId} className="alert alert--error" role="alert" data-testid="login-error">
            {form.errors[0]}
          </p>
        ) : null}
        <Form method="post" className="form" data-testid="login-form" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <div className="field">
            <label htmlFor={fields.email.id} className="field__label">
              E-mail
            </label>
            <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" autoFocus required />
            <FieldError field={fields.email} />
          </div>
          <div className="field">
            <label htmlFor={fields.password.id} className="field__label">
              Password
            </label>
            <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" required />
            <FieldError field={fields.password} />
          </div>
          <button type="submit" className="button button--primary" disabled={submitting} data-testid="sign-in">
            {submitting ? "Signing in…" : "Sign in"}
          </button>
        </Form>
        <p className="auth-card__footer">
          No account yet, or forgot your password? An admin of your team creates accounts and resets passwords.
        </p>
      </section>
    </div>
  );
}
