import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { decideRequisition, REFUSAL, type RequisitionAccess } from "./authorise-requisition.ts";

const access = (member: boolean): RequisitionAccess => ({
  requisition: {
    id: "r1",
    title: "ML Engineer",
    team: null,
    location: null,
    description: null,
    status: "OPEN",
    blindReview: false,
    createdAt: new Date(0),
    weights: {},
    weightsVersion: 1,
  },
  member,
});

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("the one authorisation path", () => {
  it("lets a member whose role allows it through, with the row", () => {
    expect(decideRequisition({ id: "u", role: "RECRUITER" }, access(true), "upload").requisition.id).toBe("r1");
  });

  it("lets an admin act without a membership", () => {
    expect(decideRequisition({ id: "u", role: "ADMIN" }, access(false), "erase").member).toBe(false);
  });

  it("refuses with one wording per case: missing, not a member, role", () => {
    const missing = refusal(() => decideRequisition({ id: "u", role: "ADMIN" }, null, "view"));
    expect([missing.code, missing.message]).toEqual(["not_found", REFUSAL.requisitionNotFound]);
    const outsider = refusal(() => decideRequisition({ id: "u", role: "RECRUITER" }, access(false), "view"));
    expect([outsider.code, outsider.message]).toEqual(["forbidden", REFUSAL.notMember]);
    const manager = refusal(() => decideRequisition({ id: "u", role: "HIRING_MANAGER" }, access(true), "upload"));
    expect([manager.status, manager.message]).toEqual([
      403,
      "Your role cannot upload or retry résumés on this requisition.",
    ]);
  });
});
