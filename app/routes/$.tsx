// Any unknown URL: a 404 rendered by the root ErrorBoundary inside the normal layout.
import { data, type LoaderFunctionArgs } from "@remix-run/node";

export function loader({ request }: LoaderFunctionArgs) {
  throw data({ message: `There is no page at ${new URL(request.url).pathname}.` }, { status: 404 });
}

export default function NotFound() {
  return null;
}
