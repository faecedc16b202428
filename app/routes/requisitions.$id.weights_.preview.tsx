// Resource route for the weights editor's live preview: GET with the editor's fields as the
// query string, answers the top of the ranking before (saved weights) and after (these weights).
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requireRequisitionPermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { getRequisition } from "~/lib/requisitions.server.ts";
import { previewRanking } from "~/lib/weights-preview.server.ts";
import { fieldErrorsFrom, getRequisitionWeights, parseWeights, weightsInputFrom } from "~/lib/weights.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireRequisitionPermission(request, params.id, "view");
  const db = getPrisma();
  const requisition = params.id ? await getRequisition(db, params.id) : null;
  const saved = requisition ? await getRequisitionWeights(db, requisition.id) : null;
  if (!requisition || !saved) throw data({ message: "Requisition not found" }, { status: 404 });
  const parsed = parseWeights(weightsInputFrom(new URL(request.url).searchParams));
  if (!parsed.ok) {
    return { ok: false as const, savedVersion: saved.version, errors: fieldErrorsFrom(parsed.issues) };
  }
  const preview = await previewRanking(db, requisition, saved.weights, parsed.weights);
  return { ok: true as const, savedVersion: saved.version, ...preview };
}
