import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPanel } from "~/components/error-panel.tsx";
import styles from "~/styles/app.css";

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

export function Layout({ children }: { children: ReactNode }) {
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
            <nav aria-label="Main" className="topbar__nav">
              <NavLink to="/requisitions" className="topbar__link">
                Requisitions
              </NavLink>
            </nav>
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
