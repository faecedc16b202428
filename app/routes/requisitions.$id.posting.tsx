// Resource route: the requisition's job posting (text, file name, who added it and when), or null.
// Read by the "Role description" card of the Settings tab (app/components/role-description.tsx).
// Members may read it; adding or replacing it is on the draft page (weights permission).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRequisitionAccess } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { getJobPosting } from "~/lib/job-posting.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { requisition } = await requireRequisitionAccess(request, params.id, "view");
  const posting = await getJobPosting(getPrisma(), requisition.id);
  return { posting: posting ? { ...posting, uploadedAt: posting.uploadedAt.toISOString() } : null };
}
