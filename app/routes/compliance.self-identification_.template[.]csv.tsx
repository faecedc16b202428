// Compliance: a self-identification CSV to fill in for one requisition (issue 16, the demo's
// compliance journey): `application_id,sex,race_ethnicity`, one line per application with its id
// filled in and the answers empty, no names or e-mails. Filled in, it goes back through the
// import's dry run on /compliance/self-identification. Audited. Compliance users and admins only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import { recordAudit, selfIdentificationTemplate } from "~/lib/fairness.server.ts";
import { appErrorJson } from "~/lib/app-error.server.ts";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "fairness.read");
  try {
    const requisitionId = new URL(request.url).searchParams.get("requisition")?.trim();
    if (!requisitionId) throw new AppError("invalid_input", "Choose the requisition the template is for.");
    const db = getPrisma();
    const { csv, rows } = await selfIdentificationTemplate(db, requisitionId);
    await recordAudit(db, auditActor(user), {
      action: "fairness.self_identification.template",
      summary: `Downloaded the self-identification template (${rows} application${rows === 1 ? "" : "s"})`,
      targetType: "requisition",
      targetId: requisitionId,
      requisitionId,
      after: { rows },
      ip: clientIp(request, context),
    });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="self-identification-${requisitionId}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return appErrorJson(error, { not_found: "Requisition not found" });
    throw error;
  }
}
