// The requisition shell: every page under /requisitions/:id renders inside it. Its loader reads
// the requisition and the user's membership once (the child loader of the same request reuses
// that read, see requireRequisitionAccess) and says what the user may do; it renders the tabs,
// and adds the "Requisitions / <title>" breadcrumbs. Child routes read its data with
// useRequisitionShell() (app/lib/use-requisition-shell.ts).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { Link, Outlet, useLocation, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import type { UploadActionData } from "~/components/upload-form.tsx";
import { requireRequisitionAccess, requireRequisitionPermission } from "~/lib/auth.server.ts";
import { isAppError } from "@server/errors/app-error.ts";
import { receiveUpload } from "~/lib/intake.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { requisition, can } = await requireRequisitionAccess(request, params.id, "view");
  return {
    requisition: {
      id: requisition.id,
      title: requisition.title,
      team: requisition.team,
      location: requisition.location,
      description: requisition.description,
      status: requisition.status,
      blindReview: requisition.blindReview,
      createdAt: requisition.createdAt.toISOString(),
      weightsVersion: requisition.weightsVersion,
    },
    can,
  };
}

/** Upload (POST /requisitions/:id): the files become one batch; the recruiter follows it on its progress view. */
export async function action({ params, request }: ActionFunctionArgs) {
  const user = await requireRequisitionPermission(request, params.id, "upload");
  const requisitionId = params.id!;
  try {
    const receipt = await receiveUpload(request, { requisitionId, uploadedById: user.id });
    return redirect(`/requisitions/${requisitionId}/uploads/${receipt.batchId}`);
  } catch (error) {
    if (isAppError(error)) return data<UploadActionData>({ formError: error.message }, { status: error.status });
    throw error;
  }
}

/**
 * The shell's data changes with the requisition (status, blind review, weights), not with the
 * table's URL: sorting, filtering and paging (same path, no form) do not read it again.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  actionResult,
  defaultShouldRevalidate,
}) => {
  if (!formMethod && actionResult === undefined && currentUrl.pathname === nextUrl.pathname) {
    return currentUrl.search === nextUrl.search ? defaultShouldRevalidate : false;
  }
  return defaultShouldRevalidate;
};

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => {
    const shell = match.data as SerializeFrom<typeof loader> | undefined;
    const requisitions = { label: "Requisitions", to: "/requisitions" };
    return shell
      ? [requisitions, { label: shell.requisition.title, to: `/requisitions/${shell.requisition.id}` }]
      : [requisitions];
  },
};

type Tab = { label: string; path: string; testId: string; keepSearch?: boolean };

/** The requisition's sections. Candidates and Plot are two views of one filtered list: they keep the URL's filters. */
const TABS: Tab[] = [
  { label: "Candidates", path: "", testId: "tab-candidates", keepSearch: true },
  { label: "Plot", path: "/plot", testId: "view-plot", keepSearch: true },
  { label: "Uploads", path: "/uploads", testId: "tab-uploads" },
  { label: "Ranking", path: "/weights", testId: "tab-ranking" },
  { label: "Settings", path: "/settings", testId: "tab-settings" },
];

/** Which tab a path belongs to: a candidate page is under Candidates, an upload under Uploads. */
function currentTab(base: string, pathname: string): Tab | undefined {
  const rest = pathname.slice(base.length).replace(/\/$/, "");
  if (rest === "" || rest.startsWith("/candidates")) return TABS[0];
  return TABS.find((tab) => tab.path && (rest === tab.path || rest.startsWith(`${tab.path}/`)));
}

function RequisitionTabs({ id }: { id: string }) {
  const { pathname, search } = useLocation();
  const base = `/requisitions/${id}`;
  const current = currentTab(base, pathname);
  const onListView = current?.keepSearch && !pathname.includes("/candidates/");
  return (
    <nav className="tabs" aria-label="Requisition" data-testid="requisition-tabs">
      {TABS.map((tab) => (
        <Link
          key={tab.testId}
          to={`${base}${tab.path}${tab.keepSearch && onListView ? search : ""}`}
          className={`tabs__tab${tab === current ? " is-current" : ""}`}
          aria-current={tab === current ? "page" : undefined}
          data-testid={tab.testId}
          prefetch="intent"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

export default function RequisitionShell() {
  const { id } = useParams();
  return (
    <>
      <RequisitionTabs id={id!} />
      <Outlet />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
