// POST /requisitions/:id/team with `memberId` (repeated): the requisition's team becomes exactly
// these recruiters and hiring managers. Posted by the Team card of the Settings tab
// (app/components/team-editor.tsx). Recruiters on the team and admins may ("edit"); the domain
// refuses a recruiter's removing themselves and accounts that cannot join (server/requisitions/change-team.ts).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import type { TeamActionData } from "~/components/team-editor.tsx";
import { TeamSchema } from "@server/requisitions/requisition-input.ts";
import { APP_ERROR_STATUS, isAppError } from "@server/errors/app-error.ts";
import { replyWithAppError } from "~/lib/app-error.server.ts";
import { auditActor, clientIp, requireRequisitionPermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { plural } from "~/lib/format.ts";
import { setRequisitionTeam } from "~/lib/requisitions.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/requisitions/${params.id}/settings`);
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requireRequisitionPermission(request, params.id, "edit");
  const submission = parseWithZod(await request.formData(), { schema: TeamSchema });
  // Responses (not `data()`): this route has no page, so a plain POST gets the real status too.
  if (submission.status !== "success")
    return Response.json({ reply: submission.reply() } satisfies TeamActionData, {
      status: APP_ERROR_STATUS.invalid_input,
    });
  try {
    const { added, removed } = await setRequisitionTeam(getPrisma(), params.id!, submission.value.memberId, {
      actor: auditActor(user),
      actorRole: user.role,
      ip: clientIp(request, context),
    });
    const message =
      added.length === 0 && removed.length === 0
        ? "Nothing changed."
        : `Team saved: ${[
            added.length > 0 ? `${plural(added.length, "person", "people")} added` : null,
            removed.length > 0 ? `${plural(removed.length, "person", "people")} removed` : null,
          ]
            .filter(Boolean)
            .join(", ")}.`;
    return Response.json({ reply: submission.reply(), message } satisfies TeamActionData);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { data: reply, init } = replyWithAppError(submission.reply, error);
    return Response.json({ reply } satisfies TeamActionData, { status: init?.status ?? error.status });
  }
}
