// Sign-in: e-mail and password. Public (the only page besides errors that is). The form posts as
// application/x-www-form-urlencoded and works without JavaScript.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { INVALID_CREDENTIALS_MESSAGE, rateLimitedMessage, signIn } from "@server/auth/sign-in.ts";
import { clientIp, getUser, sessionCookie } from "~/lib/auth.server.ts";
import { getConfig } from "~/lib/config.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { safeRedirect } from "~/lib/safe-redirect.ts";

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

type Field = "email" | "password";
interface ActionData {
  formError: string | null;
  errors: Partial<Record<Field, string>>;
  email: string;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const redirectTo = safeRedirect(form.get("redirectTo"));

  const errors: ActionData["errors"] = {};
  if (email === "") errors.email = "Enter your e-mail address.";
  else if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email))
    errors.email = "Enter an e-mail address like name@company.com.";
  if (password === "") errors.password = "Enter your password.";
  if (Object.keys(errors).length > 0) {
    return data<ActionData>({ formError: null, errors, email }, { status: 400 });
  }

  const config = getConfig();
  const result = await signIn(
    getPrisma(),
    { email, password: password.slice(0, 1024), ip: clientIp(request, context) },
    {
      maxFailuresPerEmail: config.LOGIN_MAX_FAILURES_PER_EMAIL,
      maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
      windowMinutes: config.LOGIN_WINDOW_MINUTES,
    },
  );
  if (!result.ok && result.reason === "rate_limited") {
    return data<ActionData>(
      { formError: rateLimitedMessage(result.retryAfterMinutes), errors: {}, email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterMinutes * 60) } },
    );
  }
  if (!result.ok) {
    return data<ActionData>({ formError: INVALID_CREDENTIALS_MESSAGE, errors: {}, email }, { status: 401 });
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie(request, result.token) } });
}

export default function Login() {
  const { redirectTo, signedOut } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const submitting = navigation.state !== "idle" && navigation.formAction === "/login";
  const errors = actionData?.errors ?? {};
  const cameFromPage = params.has("redirectTo") && !actionData;

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby="login-title">
        <div>
          <h1 id="login-title" className="auth-card__title">
            Sign in
          </h1>
          <p className="auth-card__intro">Screening for machine-learning-engineer roles.</p>
        </div>
        {signedOut && !actionData ? (
          <p className="alert alert--success" role="status" data-testid="signed-out">
            You are signed out.
          </p>
        ) : null}
        {cameFromPage ? (
          <p className="alert alert--info" role="status">
            Sign in to continue to that page.
          </p>
        ) : null}
        {actionData?.formError ? (
          <p className="alert alert--error" role="alert" data-testid="login-error">
            {actionData.formError}
          </p>
        ) : null}
        <Form method="post" className="form" noValidate data-testid="login-form">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <div className="field">
            <label htmlFor="email" className="field__label">
              E-mail
            </label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              defaultValue={actionData?.email}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "email-error" : undefined}
            />
            {errors.email ? (
              <p id="email-error" className="field__error">
                {errors.email}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="password" className="field__label">
              Password
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? "password-error" : undefined}
            />
            {errors.password ? (
              <p id="password-error" className="field__error">
                {errors.password}
              </p>
            ) : null}
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
