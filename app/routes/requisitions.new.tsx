import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { FieldError } from "~/components/field-error.tsx";
import { TextField } from "~/components/text-field.tsx";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/lib/db.server.ts";
import { NewRequisitionSchema } from "@server/requisitions/requisition-input.ts";
import { isAppError } from "@server/errors/app-error.ts";
import { TeamPicker } from "~/components/team-editor.tsx";
import { createRequisition, listAssignableUsers } from "~/lib/requisitions.server.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { invalidForm, replyWithAppError } from "~/lib/app-error.server.ts";
import { PostingFields } from "~/components/posting-fields.tsx";
import { postingFromForm, receivePostingForm, saveJobPosting } from "~/lib/job-posting.server.ts";
import { roleAllows } from "@server/auth/permissions.ts";

export const handle: BreadcrumbHandle = {
  breadcrumb: () => [
    { label: "Requisitions", to: "/requisitions" },
    { label: "New", to: "/requisitions/new" },
  ],
};

export const meta: MetaFunction = () => [{ title: "New requisition · MLE Screening" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "requisition.create");
  // The Team checkboxes: the recruiters and hiring managers who can join (the creator always does).
  return { people: await listAssignableUsers(getPrisma()), currentUserId: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "requisition.create");
  let posted;
  try {
    // Multipart: the job posting may come as a file (app/lib/job-posting.server.ts).
    posted = await receivePostingForm(request);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return replyWithAppError(parseWithZod(new FormData(), { schema: NewRequisitionSchema }).reply, error);
  }
  const submission = parseWithZod(posted.formData, { schema: NewRequisitionSchema });
  if (submission.status !== "success") return invalidForm(submission.reply());
  const { memberId, ...input } = submission.value;
  try {
    // Read before anything is created, so a bad posting leaves no half-made requisition.
    const posting = await postingFromForm(posted, { required: false });
    const requisition = await createRequisition(getPrisma(), input, user.id, {
      actor: auditActor(user),
      ip: clientIp(request, context),
      memberIds: memberId,
    });
    if (!posting) return redirect(`/requisitions/${requisition.id}`);
    await saveJobPosting(getPrisma(), requisition.id, posting, {
      actor: auditActor(user),
      ip: clientIp(request, context),
    });
    // Whoever may set the weights reviews the draft at once; others find it under Ranking.
    return redirect(
      roleAllows(user.role, "weights")
        ? `/requisitions/${requisition.id}/weights/from-posting`
        : `/requisitions/${requisition.id}`,
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    return replyWithAppError(submission.reply, error);
  }
}

export default function NewRequisition() {
  const lastResult = useActionData<typeof action>();
  const { people, currentUserId } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const hintId = "description-hint";
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewRequisitionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">New requisition</h1>
          <p className="page-subtitle">One open role. You can upload résumés as soon as it exists.</p>
        </div>
      </div>

      <Form
        method="post"
        encType="multipart/form-data"
        className="card form"
        data-testid="requisition-form"
        {...getFormProps(form)}
      >
        <TextField
          field={fields.title}
          label="Title"
          testId="title-error"
          aria-required
          placeholder="Machine Learning Engineer, Ranking"
          autoFocus
        />
        <div className="form__row">
          <TextField field={fields.team} label="Team" optional testId="team-error" placeholder="Search Relevance" />
          <TextField
            field={fields.location}
            label="Location"
            optional
            testId="location-error"
            placeholder="Berlin or remote (EU)"
          />
        </div>
        <div className="field">
          <label htmlFor={fields.description.id} className="field__label">
            Description <span className="field__optional">optional</span>
          </label>
          <textarea
            {...getTextareaProps(fields.description, {
              ariaDescribedBy: fields.description.errors ? undefined : hintId,
            })}
            rows={6}
            placeholder="What the role owns: models in production, the serving stack, the data pipelines…"
          />
          {fields.description.errors ? (
            <FieldError field={fields.description} />
          ) : (
            <p id={hintId} className="field__hint">
              Up to 5,000 characters. The ranking weights can be drafted from the job posting below.
            </p>
          )}
        </div>
        <fieldset className="form-section">
          <legend className="form-section__title">Role description</legend>
          <p className="form-section__hint">
            The job posting, if you have it: the hiring manager reviews a draft of the ranking weights, must-haves and
            minimums read from it, each with the line it came from.
          </p>
          <PostingFields
            optional
            errors={{ postingText: form.allErrors.postingText?.[0], postingFile: form.allErrors.postingFile?.[0] }}
          />
        </fieldset>
        <div className="field">
          <span className="field__label" id="team-members-label">
            Recruiters and hiring managers <span className="field__optional">optional</span>
          </span>
          <p id="team-members-hint" className="field__hint">
            The recruiters and hiring managers who work on this requisition: only they (and admins) can open it. You can
            change the team later on its Settings tab.
          </p>
          {fields.memberId.errors ? <FieldError field={fields.memberId} /> : null}
          <TeamPicker
            people={people}
            checked={[fields.memberId.initialValue ?? []].flat().filter((v): v is string => typeof v === "string")}
            lockedId={currentUserId}
            lockedNote="you (the creator is always on the team)"
            describedBy="team-members-hint"
            testId="new-team-picker"
          />
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={submitting}
            data-testid="create-requisition"
          >
            {submitting ? "Creating…" : "Create requisition"}
          </button>
          <Link to="/requisitions" className="button button--ghost">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
