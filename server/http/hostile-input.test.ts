import { describe, expect, it } from "vitest";
import { findUnstorableInput, hasUnstorableCharacter } from "./hostile-input.ts";

describe("hasUnstorableCharacter", () => {
  it.each([
    ["plain", false],
    ["Zoë 🧑‍💻 \u202e", false],
    ["a\u0000b", true],
    ["\ud800", true],
    ["x\udfff", true],
    ["\ud83d\ude00", false],
  ])("%j → %j", (value, expected) => {
    expect(hasUnstorableCharacter(value)).toBe(expected);
  });
});

describe("findUnstorableInput", () => {
  const post = (body: BodyInit, type?: string) =>
    new Request("http://app.test/x", { method: "POST", body, headers: type ? { "Content-Type": type } : {} });

  it("names the path parameter, the query value and the form field", async () => {
    expect(await findUnstorableInput(new Request("http://app.test/r/x"), { id: "a\u0000" })).toMatch(/“id” part/);
    expect(await findUnstorableInput(new Request("http://app.test/r?q=%00"))).toMatch(/“q” value/);
    expect(await findUnstorableInput(post("email=a%00b", "application/x-www-form-urlencoded"))).toMatch(
      /form field “email”/,
    );
    expect(await findUnstorableInput(post('{"a":{"b":["ok","\\u0000"]}}', "application/json"))).toMatch(/“a.b.1”/);
    expect(await findUnstorableInput(post('{"a":"\\ud800"}', "application/json"))).toMatch(/“a”/);
  });

  it("reads a copy: the route still gets the whole body", async () => {
    const request = post("note=hello", "application/x-www-form-urlencoded");
    expect(await findUnstorableInput(request)).toBeNull();
    expect(await request.text()).toBe("note=hello");
  });

  /** A multipart request as a browser sends it, with its Content-Length. */
  async function multipart(form: FormData, declaredLength?: number) {
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    return new Request("http://app.test/x", {
      method: "POST",
      body: bytes,
      headers: {
        "Content-Type": encoded.headers.get("content-type")!,
        "Content-Length": String(declaredLength ?? bytes.length),
      },
    });
  }

  it("looks at a multipart form's text fields, never at file bytes", async () => {
    const form = new FormData();
    form.append("resumes", new File([new Uint8Array([0, 0, 0x25, 0x50])], "binary.pdf"));
    form.append("postingText", "fine");
    expect(await findUnstorableInput(await multipart(form))).toBeNull();
    form.append("postingText", "not\u0000fine");
    expect(await findUnstorableInput(await multipart(form))).toMatch(/“postingText”/);
    // A large upload is read only up to its first file (the copy would otherwise hold it in memory).
    expect(await findUnstorableInput(await multipart(form, 50 * 1024 * 1024))).toBeNull();
  });
});
