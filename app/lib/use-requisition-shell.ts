// The requisition shell's data (app/routes/requisitions.$id.tsx) for any component under it.
import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/requisitions.$id.tsx";

export const REQUISITION_SHELL_ID = "routes/requisitions.$id";

export function useRequisitionShell() {
  const shell = useRouteLoaderData<typeof loader>(REQUISITION_SHELL_ID);
  if (!shell) throw new Error("useRequisitionShell is used outside the requisition shell route");
  return shell;
}
