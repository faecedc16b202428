// AppError at the web app's edge (app/lib/app-error.server.ts): statuses from the one table, titles
// for the ErrorBoundary, field issues next to their fields in a form's reply.
import { describe, expect, it } from "vitest";
import { AppError } from "@server/errors/app-error.ts";
import { appErrorJson, appErrorResponse, invalidForm, notFound, replyWithAppError } from "~/lib/app-error.server.ts";

describe("AppError to responses", () => {
  it("takes the status from the code and a title per code, which a route may name", () => {
    const forbidden = appErrorResponse(new AppError("forbidden", "Your role cannot erase candidates."));
    expect(forbidden.init?.status).toBe(403);
    expect(forbidden.data).toEqual({ title: "Not allowed", message: "Your role cannot erase candidates." });
    const limited = appErrorResponse(new AppError("rate_limited", "Wait.", { retryAfterSeconds: 60 }));
    expect(new Headers(limited.init?.headers).get("Retry-After")).toBe("60");
  });

  it("throws a 404 with the route's title", () => {
    try {
      notFound("Upload not found", "This upload does not exist in this requisition.");
    } catch (thrown) {
      const response = thrown as ReturnType<typeof appErrorResponse>;
      expect(response.init?.status).toBe(404);
      expect(response.data.title).toBe("Upload not found");
      return;
    }
    throw new Error("notFound did not throw");
  });

  it("answers a resource route with a real Response", async () => {
    const response = appErrorJson(new AppError("invalid_input", "Choose a status."), {
      invalid_input: "Nothing changed",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ title: "Nothing changed", message: "Choose a status." });
  });

  it("puts a domain error's field issues next to their fields in a form's reply", () => {
    const calls: unknown[] = [];
    const reply = (options: unknown) => {
      calls.push(options);
      return { status: "error" as const };
    };
    const error = new AppError("conflict", "An account for a@b.c already exists.", {
      issues: [{ path: "email", message: "An account for a@b.c already exists." }],
    });
    expect(replyWithAppError(reply, error).init?.status).toBe(409);
    expect(calls).toEqual([
      {
        formErrors: [],
        fieldErrors: { email: ["An account for a@b.c already exists."] },
      },
    ]);
    expect(invalidForm({ status: "error" }).init?.status).toBe(400);
  });
});
