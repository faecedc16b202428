// POST /requisitions/:id/status with `status=CLOSED|OPEN`: closes or reopens a requisition
// (closing starts the retention clock). Recruiters and admins who are members may do it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { auditActor, clientIp, requireRequisitionPermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { setRequisitionOpen } from "~/lib/requisitions.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/requisitions/${params.id}`);
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requireRequisitionPermission(request, params.id, "edit");
  const status = (await request.formData()).get("status");
  if (status !== "OPEN" && status !== "CLOSED") {
    return Response.json(
      {
        title: "Nothing changed",
        message: "Choose whether to close or reopen the requisition (status=CLOSED or OPEN).",
      },
      { status: 400 },
    );
  }
  await setRequisitionOpen(getPrisma(), params.id!, status === "OPEN", {
    actor: auditActor(user),
    ip: clientIp(request, context),
  });
  return redirect(`/requisitions/${params.id}`);
}
