// Resource route: the requisition's last weights versions with where each came from (set in the
// editor, or drafted from the job posting and accepted by whom), and whether a posting exists.
// Read by the editor's version note (app/components/weights-origin.tsx). Members may read it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listWeightsVersions } from "@server/ranking/list-weights-versions.ts";
import { requireRequisitionAccess } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { requisition } = await requireRequisitionAccess(request, params.id, "view");
  const db = getPrisma();
  const [versions, posting] = await Promise.all([
    listWeightsVersions(db, requisition.id),
    db.jobPosting.findUnique({ where: { requisitionId: requisition.id }, select: { uploadedAt: true } }),
  ]);
  return {
    hasPosting: posting !== null,
    versions: versions.map((version) => ({ ...version, createdAt: version.createdAt.toISOString() })),
  };
}
