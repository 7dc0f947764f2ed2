import { describe, expect, it } from "vitest";
import { isMalformedPath, malformedActionBody, MALFORMED_SUBMISSION } from "@/lib/http/request-guards";

describe("isMalformedPath", () => {
  it("refuses what cannot be decoded twice, passes real addresses", () => {
    for (const bad of ["/en/%25zz", "/en/organizations/%C0%AF", "/en/organizations/%E0%A4%A", "/en/%"])
      expect(isMalformedPath(bad), bad).toBe(true);
    for (const ok of ["/en", "/zh/organizations/m9-collaboration-network", "/en/organizations/%2541", "/en/%E4%B8%AD"])
      expect(isMalformedPath(ok), ok).toBe(false);
  });
});

describe("malformedActionBody", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://x/en", { method: "POST", body, headers: { "next-action": "abc", ...headers } });
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };

  it("passes what React sends, and anything without a Next-Action header", async () => {
    expect(
      await malformedActionBody(
        post(
          form([
            ["0", '["$K1"]'],
            ["1_email", "a@example.org"],
          ]),
        ),
      ),
    ).toBeNull();
    expect(await malformedActionBody(new Request("http://x/en", { method: "POST", body: "junk" }))).toBeNull();
  });

  it("refuses anything but multipart with one JSON array as its root", async () => {
    expect(await malformedActionBody(post(form([["__proto__", "x"]])))).toBe(MALFORMED_SUBMISSION);
    expect(await malformedActionBody(post(form([["0", "\\'; --"]])))).toBe(MALFORMED_SUBMISSION);
    expect(await malformedActionBody(post("not json", { "content-type": "text/plain" }))).toBe(MALFORMED_SUBMISSION);
    expect(await malformedActionBody(post('["$@1"]', { "content-type": "text/plain;charset=UTF-8" }))).toBe(
      MALFORMED_SUBMISSION,
    );
    expect(
      await malformedActionBody(
        post(
          form([
            ["0", '["$K1"]'],
            ["0", "x"],
          ]),
        ),
      ),
    ).toBe(MALFORMED_SUBMISSION);
    expect(await malformedActionBody(post(form([["0", '{"then":"$1:__proto__:then"}']])))).toBe(MALFORMED_SUBMISSION);
    expect(
      await malformedActionBody(post("--nope\r\n", { "content-type": "multipart/form-data; boundary=nope" })),
    ).toBe(MALFORMED_SUBMISSION);
  });
});
