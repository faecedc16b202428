import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/requisitions");
}
