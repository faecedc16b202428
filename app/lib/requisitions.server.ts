// Requisition use cases for the routes. Domain logic lives in server/requisitions.
export { RequisitionInputSchema } from "@server/requisitions/requisition-input.ts";
export { createRequisition } from "@server/requisitions/create-requisition.ts";
export { listRequisitions } from "@server/requisitions/list-requisitions.ts";
export { getRequisition } from "@server/requisitions/get-requisition.ts";
