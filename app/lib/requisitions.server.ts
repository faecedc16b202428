// Requisition use cases for the routes. Domain logic lives in server/requisitions.
import { data } from "@remix-run/node";
import { getRequisition } from "@server/requisitions/get-requisition.ts";
import { getPrisma } from "./db.server.ts";

export { createRequisition } from "@server/requisitions/create-requisition.ts";
export { listRequisitions } from "@server/requisitions/list-requisitions.ts";
export { setBlindReview, setRequisitionOpen } from "@server/requisitions/requisition-settings.ts";
export { getRequisition };

/** The requisition of a route's :id, or a 404 that the route's ErrorBoundary explains. */
export async function requireRequisition(id: string | undefined) {
  const requisition = id ? await getRequisition(getPrisma(), id) : null;
  if (!requisition) {
    throw data(
      {
        title: "Requisition not found",
        message: "This requisition does not exist. It may have been deleted, or the link is incomplete.",
      },
      { status: 404 },
    );
  }
  return requisition;
}
