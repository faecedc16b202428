// Requisition use cases for the routes. Domain logic lives in server/requisitions; reading a
// requisition for a route is requireRequisitionAccess (app/lib/auth.server.ts), one read per request.
export { createRequisition } from "@server/requisitions/create-requisition.ts";
export { listRequisitions } from "@server/requisitions/list-requisitions.ts";
export {
  lastBlindReviewSwitch,
  setBlindReview,
  setRequisitionOpen,
} from "@server/requisitions/requisition-settings.ts";
export { setRequisitionTeam } from "@server/requisitions/change-team.ts";
export { listAssignableUsers, loadTeam } from "@server/requisitions/list-team.ts";
