// Erase a candidate (admins: the "erase" permission). GET shows what will be erased and asks for
// confirmation; POST with confirm=yes erases (server/privacy/erase-candidate.ts) and returns to
// the requisition with ?erased=1. The candidate page's "Erase" button posts here.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { isAppError } from "@server/errors/app-error.ts";
import { eraseApplication } from "@server/privacy/erase-candidate.ts";
import { ErrorPanel } from "~/components/error-panel.tsx";
import { auditActor, clientIp, requireApplicationPermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { EraseCandidateSchema } from "~/forms/erase-candidate.ts";
import { invalidForm, notFound } from "~/lib/app-error.server.ts";

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => ({ label: "Erase candidate", to: match.pathname }),
};

export const meta: MetaFunction = () => [{ title: "Erase candidate · MLE Screening" }];

function candidateNotFound(): never {
  notFound(
    "Candidate not found",
    "This application does not exist in this requisition. It may already have been erased.",
  );
}

async function guard(request: Request, params: { id?: string; applicationId?: string }) {
  const { user, application } = await requireApplicationPermission(request, params.applicationId, "erase");
  if (application.requisitionId !== params.id) candidateNotFound();
  return { user, application };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await guard(request, params);
  const row = await getPrisma().application.findUnique({
    where: { id: application.id },
    select: {
      id: true,
      displayName: true,
      createdAt: true,
      requisition: { select: { id: true, title: true } },
      resumeFile: { select: { originalName: true, sizeBytes: true } },
      candidate: { select: { _count: { select: { applications: true } } } },
      _count: { select: { notes: true, stageChanges: true } },
    },
  });
  if (!row) candidateNotFound();
  return {
    application: {
      id: row.id,
      name: row.displayName ?? row.resumeFile.originalName,
      fileName: row.resumeFile.originalName,
      notes: row._count.notes,
      stageChanges: row._count.stageChanges,
      otherApplications: row.candidate._count.applications - 1,
    },
    requisition: row.requisition,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, application } = await guard(request, params);
  // A stray POST (a replayed form, a script without the checkbox) must not erase anyone.
  const submission = parseWithZod(await request.formData(), { schema: EraseCandidateSchema });
  if (submission.status !== "success") return invalidForm(submission.reply());
  try {
    await eraseApplication(getPrisma(), application.id, auditActor(user), {
      ip: clientIp(request, context),
      reason: "request",
    });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") candidateNotFound();
    throw error;
  }
  return redirect(`/requisitions/${application.requisitionId}?erased=1`);
}

export default function EraseCandidate() {
  const { application, requisition } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EraseCandidateSchema }),
    shouldValidate: "onSubmit",
  });
  const confirmError = fields.confirm.errors?.[0];
  const navigation = useNavigation();
  const erasing = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  return (
    <>
      <section className="card danger-zone stack narrow" aria-labelledby="erase-heading">
        <div>
          <h1 id="erase-heading" className="page-title">
            Erase {application.name}?
          </h1>
          <p className="page-subtitle">This cannot be undone.</p>
        </div>
        <p>Erasing removes, for this requisition:</p>
        <ul>
          <li>the original file ({application.fileName}) and the text read from it;</li>
          <li>the scores, skills and gaps;</li>
          <li>
            {application.notes} note{application.notes === 1 ? "" : "s"} and {application.stageChanges} stage change
            {application.stageChanges === 1 ? "" : "s"};
          </li>
          <li>
            {application.otherApplications > 0
              ? `not the person's ${application.otherApplications} other application(s), which stay as they are;`
              : "the person's record, since they have no other application;"}
          </li>
          <li>
            names and contact details in earlier audit entries. The audit log keeps only that an erasure happened, by
            whom and when.
          </li>
        </ul>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <label className="checkbox-list">
            <span>
              <input
                {...getInputProps(fields.confirm, { type: "checkbox", value: "yes" })}
                data-testid="erase-understood"
              />{" "}
              I understand this cannot be undone
            </span>
          </label>
          {confirmError ? (
            <p id={fields.confirm.errorId} className="field__error" role="alert">
              {confirmError}
            </p>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--danger" disabled={erasing} data-testid="confirm-erase">
              {erasing ? "Erasing…" : "Erase permanently"}
            </button>
            <Link to={`/requisitions/${requisition.id}`} className="button button--ghost">
              Cancel
            </Link>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
