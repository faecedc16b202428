// Resource route for the weights editor's live preview: GET with the editor's fields as the
// query string, answers the top of the ranking before (saved weights) and after (these weights).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { weightsFromJson } from "@server/ranking/weights-from-json.ts";
import { parseWeightsForm } from "~/forms/weights.ts";
import { requireRequisitionAccess } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { previewRanking } from "~/lib/weights-preview.server.ts";
import { knownSkillIds } from "~/lib/weights.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  // The saved weights come with the requisition row (one read, shared with the shell's loader).
  const { requisition } = await requireRequisitionAccess(request, params.id, "view");
  const saved = { weights: weightsFromJson(requisition.weights), version: requisition.weightsVersion };
  // The same schema as the editor and its action (app/forms/weights.ts).
  const parsed = parseWeightsForm(new URL(request.url).searchParams, knownSkillIds());
  if (parsed.status !== "success") {
    const errors = Object.fromEntries(
      Object.entries(parsed.error ?? {}).flatMap(([name, messages]) => (messages?.[0] ? [[name, messages[0]]] : [])),
    );
    return { ok: false as const, savedVersion: saved.version, errors };
  }
  const preview = await previewRanking(getPrisma(), requisition, saved.weights, parsed.value);
  return { ok: true as const, savedVersion: saved.version, ...preview };
}
