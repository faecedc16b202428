import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { auditActor, clientIp, requirePermission } from "~/lib/auth.server.ts";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/lib/db.server.ts";
import { createRequisition, RequisitionInputSchema } from "~/lib/requisitions.server.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";

export const handle: BreadcrumbHandle = {
  breadcrumb: () => [
    { label: "Requisitions", to: "/requisitions" },
    { label: "New", to: "/requisitions/new" },
  ],
};

export const meta: MetaFunction = () => [{ title: "New requisition · MLE Screening" }];

const FIELDS = ["title", "team", "location", "description"] as const;
type Field = (typeof FIELDS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "requisition.create");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "requisition.create");
  const form = await request.formData();
  const values = Object.fromEntries(
    FIELDS.map((field) => [field, typeof form.get(field) === "string" ? (form.get(field) as string) : ""]),
  ) as Record<Field, string>;
  const parsed = RequisitionInputSchema.safeParse(values);
  if (!parsed.success) {
    const { fieldErrors } = parsed.error.flatten();
    const errors: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const message = fieldErrors[field]?.[0];
      if (message) errors[field] = field === "title" ? message : `${label(field)} ${message}`;
    }
    if (errors.title && values.title.trim() === "") {
      errors.title = "Title is required";
    }
    return data({ errors, values }, { status: 400 });
  }
  const requisition = await createRequisition(getPrisma(), parsed.data, user.id, {
    actor: auditActor(user),
    ip: clientIp(request, context),
  });
  return redirect(`/requisitions/${requisition.id}`);
}

function label(field: Field) {
  return field[0]!.toUpperCase() + field.slice(1);
}

export default function NewRequisition() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const errors: Partial<Record<Field, string>> = actionData?.errors ?? {};
  const values: Partial<Record<Field, string>> = actionData?.values ?? {};

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">New requisition</h1>
          <p className="page-subtitle">One open role. You can upload résumés as soon as it exists.</p>
        </div>
      </div>

      <Form method="post" className="card form" noValidate data-testid="requisition-form">
        <TextField
          name="title"
          label="Title"
          required
          placeholder="Machine Learning Engineer, Ranking"
          defaultValue={values.title}
          error={errors.title}
          autoFocus
        />
        <div className="form__row">
          <TextField
            name="team"
            label="Team"
            placeholder="Search Relevance"
            defaultValue={values.team}
            error={errors.team}
          />
          <TextField
            name="location"
            label="Location"
            placeholder="Berlin or remote (EU)"
            defaultValue={values.location}
            error={errors.location}
          />
        </div>
        <div className="field">
          <label htmlFor="description" className="field__label">
            Description <span className="field__optional">optional</span>
          </label>
          <textarea
            id="description"
            name="description"
            rows={6}
            defaultValue={values.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? "description-error" : "description-hint"}
            placeholder="What the role owns: models in production, the serving stack, the data pipelines…"
          />
          {errors.description ? (
            <p id="description-error" className="field__error">
              {errors.description}
            </p>
          ) : (
            <p id="description-hint" className="field__hint">
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

function TextField({
  name,
  label,
  error,
  required,
  ...input
}: {
  name: Field;
  label: string;
  error?: string;
  required?: boolean;
  placeholder?: string;
  defaultValue?: string;
  autoFocus?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={name} className="field__label">
        {label} {required ? null : <span className="field__optional">optional</span>}
      </label>
      <input
        id={name}
        name={name}
        type="text"
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        {...input}
      />
      {error ? (
        <p id={`${name}-error`} className="field__error" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
