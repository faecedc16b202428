// The requisition shell: every page under /requisitions/:id renders inside it. It loads the
// requisition and what the user may do on it once, and renders the breadcrumbs and the tabs;
// child routes read its data with useRouteLoaderData("routes/requisitions.$id").
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { UploadActionData } from "~/components/upload-form.tsx";
import { requireRequisitionPermission, requisitionAbilities } from "~/lib/auth.server.ts";
import { isAppError } from "@server/errors/app-error.ts";
import { receiveUpload } from "~/lib/intake.server.ts";
import { requireRequisition } from "~/lib/requisitions.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireRequisitionPermission(request, params.id, "view");
  const requisition = await requireRequisition(params.id);
  return {
    requisition: { ...requisition, createdAt: requisition.createdAt.toISOString() },
    can: requisitionAbilities(user),
  };
}

/** Upload (POST /requisitions/:id): the files become one batch; the recruiter follows it on its progress view. */
export async function action({ params, request }: ActionFunctionArgs) {
  const user = await requireRequisitionPermission(request, params.id, "upload");
  const requisitionId = params.id!;
  try {
    const receipt = await receiveUpload(request, { requisitionId, uploadedById: user.id });
    return redirect(`/requisitions/${requisitionId}/uploads/${receipt.batchId}`);
  } catch (error) {
    if (isAppError(error)) return data<UploadActionData>({ formError: error.message }, { status: error.status });
    throw error;
  }
}

export default function RequisitionShell() {
  return <Outlet />;
}
