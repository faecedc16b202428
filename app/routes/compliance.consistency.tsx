// Compliance: the consistency check as a background job (issue 16, docs/fairness.md). POST starts
// a run for one requisition (audited; 409 while one is running, 503 when the job queue is down)
// and answers with the report page's URL; GET answers the latest run's progress only (state and
// counts checked, no result), which the report polls while the run is queued or running; the
// result itself is shown, and its view audited, by the report. Compliance users and admins only
// ("fairness.read"): recruiters and hiring managers get 403.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import type { ConsistencyProgress } from "~/components/compliance/consistency-panel.tsx";
import { enqueueConsistency, latestConsistencyRun, startConsistencyRun } from "~/lib/fairness.server.ts";
import { appErrorJson } from "~/lib/app-error.server.ts";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";

function requisitionOf(value: FormDataEntryValue | string | null): string {
  const id = typeof value === "string" ? value.trim() : "";
  if (!id) throw new AppError("invalid_input", "Choose a requisition to check.");
  return id;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "fairness.read");
  try {
    const requisitionId = requisitionOf(new URL(request.url).searchParams.get("requisition"));
    const run = await latestConsistencyRun(getPrisma(), requisitionId);
    const body: ConsistencyProgress = {
      run: run && { id: run.id, status: run.status, checked: run.checked, resumes: run.resumes },
    };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isAppError(error)) return appErrorJson(error);
    throw error;
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "fairness.read");
  try {
    const form = await request.formData();
    const requisitionId = requisitionOf(form.get("requisitionId"));
    await startConsistencyRun(getPrisma(), auditActor(user), requisitionId, {
      enqueue: enqueueConsistency,
      ip: clientIp(request, context),
    });
    const back = new URLSearchParams({ requisition: requisitionId });
    for (const name of ["from", "to", "stage", "exclude"]) {
      const value = form.get(name);
      if (typeof value === "string" && value) back.set(name, value);
    }
    return redirect(`/compliance/report?${back}#consistency`);
  } catch (error) {
    if (isAppError(error)) return appErrorJson(error, { not_found: "Requisition not found" });
    throw error;
  }
}
