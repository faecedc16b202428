// The admin's account forms are parsed by their schemas in the action, as a browser posts them.
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { AccountStateSchema, ChangeRoleSchema, MembershipsSchema } from "../../server/users/user-input.ts";

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("admin account forms", () => {
  it("reads the memberships as a list: none, one or several checked", () => {
    const read = (ids: string[]) =>
      parseWithZod(form([["intent", "memberships"], ...ids.map((id): [string, string] => ["requisitionId", id])]), {
        schema: MembershipsSchema,
      });
    for (const ids of [[], ["r1"], ["r1", "r2"]]) {
      const submission = read(ids);
      expect(submission.status).toBe("success");
      if (submission.status === "success") expect(submission.value.requisitionId).toEqual(ids);
    }
  });

  it("refuses a role that does not exist with words an admin understands", () => {
    const submission = parseWithZod(
      form([
        ["intent", "role"],
        ["role", "OWNER"],
      ]),
      { schema: ChangeRoleSchema },
    );
    expect(submission.status).toBe("error");
    if (submission.status === "error") expect(submission.error?.role).toEqual(["Choose a role."]);
    expect(
      parseWithZod(
        form([
          ["intent", "role"],
          ["role", "RECRUITER"],
        ]),
        { schema: ChangeRoleSchema },
      ).status,
    ).toBe("success");
  });

  it("knows only disable and enable for the account's state", () => {
    expect(parseWithZod(form([["intent", "disable"]]), { schema: AccountStateSchema }).status).toBe("success");
    expect(parseWithZod(form([["intent", "delete"]]), { schema: AccountStateSchema }).status).toBe("error");
  });
});
