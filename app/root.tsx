import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ROLE_LABELS, roleAllows } from "@server/auth/permissions.ts";
import { ErrorPanel } from "~/components/error-panel.tsx";
import { UserMenu } from "~/components/user-menu.tsx";
import { getUser } from "~/lib/auth.server.ts";
import { useNonce } from "~/lib/nonce.tsx";
import styles from "~/styles/app.css";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";

// Loader data types follow Single Fetch (turbo-stream) serialization.
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "MLE Screening" }];

/** The signed-in user for the top bar (public: anonymous visitors get null, pages guard themselves). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user
      ? {
          name: user.name,
          email: user.email,
          role: user.role,
          roleLabel: ROLE_LABELS[user.role],
          admin: {
            users: roleAllows(user.role, "users.manage"),
            audit: roleAllows(user.role, "audit.read"),
            retention: roleAllows(user.role, "retention.manage"),
            queues: roleAllows(user.role, "queue.dashboard"),
            fairness: roleAllows(user.role, "fairness.read"),
          },
        }
      : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const user = useRouteLoaderData<typeof loader>("root")?.user ?? null;
  const { pathname } = useLocation();
  // The sign-in page shows the brand only: no navigation into pages the visitor cannot open yet.
  const showNav = user !== null && pathname !== "/login";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <div className="topbar__inner">
            <Link className="brand" to="/requisitions">
              <span className="brand__mark" aria-hidden="true">
                ◆
              </span>
              MLE Screening
            </Link>
            {showNav ? (
              <nav aria-label="Main" className="topbar__nav">
                <NavLink to="/requisitions" className="topbar__link">
                  Requisitions
                </NavLink>
                {user.admin.users ? (
                  <NavLink to="/admin/users" className="topbar__link" data-testid="nav-admin-users">
                    Users
                  </NavLink>
                ) : null}
                {user.admin.audit ? (
                  <NavLink to="/admin/audit" className="topbar__link" data-testid="nav-admin-audit">
                    Audit log
                  </NavLink>
                ) : null}
                {user.admin.retention ? (
                  <NavLink to="/admin/retention" className="topbar__link" data-testid="nav-admin-retention">
                    Retention
                  </NavLink>
                ) : null}
                {user.admin.fairness ? (
                  <NavLink to="/compliance/report" className="topbar__link" data-testid="nav-fairness">
                    Fairness
                  </NavLink>
                ) : null}
                {user.admin.queues ? (
                  // Bull Board is its own app (Express, not Remix): a full page load.
                  <a href="/admin/queues" className="topbar__link" data-testid="nav-admin-queues">
                    Queues
                  </a>
                ) : null}
              </nav>
            ) : null}
            {showNav ? <UserMenu name={user.name} email={user.email} roleLabel={user.roleLabel} /> : null}
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <>
      <Breadcrumbs />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
