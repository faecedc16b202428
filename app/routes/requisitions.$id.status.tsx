// POST /requisitions/:id/status with `status=CLOSED|OPEN`: closes or reopens a requisition
// (closing starts the retention clock), from the Settings tab. Recruiters and admins who are
// members may do it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import { AppError } from "@server/errors/app-error.ts";
import { RequisitionStatusSchema } from "~/forms/requisition-settings.ts";
import { appErrorJson } from "~/lib/app-error.server.ts";
import { auditActor, clientIp, requireRequisitionPermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { setRequisitionOpen } from "~/lib/requisitions.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/requisitions/${params.id}/settings`);
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requireRequisitionPermission(request, params.id, "edit");
  const submission = parseWithZod(await request.formData(), { schema: RequisitionStatusSchema });
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {})[0]?.[0] ?? "Nothing changed.";
    const error = new AppError("invalid_input", message);
    // A resource route: a Response, so a plain POST gets the real status too.
    return appErrorJson(error, { invalid_input: "Nothing changed" });
  }
  await setRequisitionOpen(getPrisma(), params.id!, submission.value.status === "OPEN", {
    actor: auditActor(user),
    ip: clientIp(request, context),
  });
  return redirect(`/requisitions/${params.id}/settings`);
}
