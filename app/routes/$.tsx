// Any unknown URL: a 404 rendered by the root ErrorBoundary inside the normal layout.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/app-error.server.ts";
import { requireUser } from "~/lib/auth.server.ts";

// Signed-out visitors are sent to sign in first: even which URLs exist is not for them.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound("Not found", `There is no page at ${new URL(request.url).pathname}.`);
}

export default function NotFound() {
  return null;
}
