import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { FieldError } from "~/components/field-error.tsx";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/lib/db.server.ts";
import { RequisitionInputSchema } from "@server/requisitions/requisition-input.ts";
import { createRequisition } from "~/lib/requisitions.server.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";

export const handle: BreadcrumbHandle = {
  breadcrumb: () => [
    { label: "Requisitions", to: "/requisitions" },
    { label: "New", to: "/requisitions/new" },
  ],
};

export const meta: MetaFunction = () => [{ title: "New requisition · MLE Screening" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "requisition.create");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "requisition.create");
  const submission = parseWithZod(await request.formData(), { schema: RequisitionInputSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const requisition = await createRequisition(getPrisma(), submission.value, user.id, {
    actor: auditActor(user),
    ip: clientIp(request, context),
  });
  return redirect(`/requisitions/${requisition.id}`);
}

export default function NewRequisition() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const hintId = "description-hint";
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequisitionInputSchema }),
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

      <Form method="post" className="card form" data-testid="requisition-form" {...getFormProps(form)}>
        <TextField
          field={fields.title}
          label="Title"
          required
          placeholder="Machine Learning Engineer, Ranking"
          autoFocus
        />
        <div className="form__row">
          <TextField field={fields.team} label="Team" placeholder="Search Relevance" />
          <TextField field={fields.location} label="Location" placeholder="Berlin or remote (EU)" />
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
              Up to 5,000 characters. Scoring weights come in a later step.
            </p>
          )}
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

type Field = FieldMetadata<string | null | undefined, Record<string, unknown>, string[]>;

function TextField({
  field,
  label,
  required,
  ...input
}: {
  field: Field;
  label: string;
  required?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id} className="field__label">
        {label} {required ? null : <span className="field__optional">optional</span>}
      </label>
      <input {...getInputProps(field, { type: "text" })} aria-required={required || undefined} {...input} />
      {field.errors?.length ? (
        <p id={field.errorId} className="field__error" data-testid={`${field.name}-error`}>
          {field.errors[0]}
        </p>
      ) : null}
    </div>
  );
}
