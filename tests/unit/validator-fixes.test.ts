// What the web's validators flagged (issue 14 §2) that plain functions fix: the API page's code spans and the
// 404 error shell's language and title (scripts/lib/not-found-shell.mjs, used by scripts/serve.mjs).
import { describe, expect, it } from "vitest";
import { splitCodeSpans } from "@/lib/content/code-spans";
import { mendNotFoundShell, notFoundTexts } from "../../scripts/lib/not-found-shell.mjs";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";

describe("code spans of the OpenAPI descriptions", () => {
  it("splits `code` out of the text, keeping every character of the rest", () => {
    expect(splitCodeSpans("Paged with `page.nextCursor`, or `links.next`.")).toEqual([
      { code: false, text: "Paged with " },
      { code: true, text: "page.nextCursor" },
      { code: false, text: ", or " },
      { code: true, text: "links.next" },
      { code: false, text: "." },
    ]);
    expect(splitCodeSpans("`{slug}.csv`")).toEqual([{ code: true, text: "{slug}.csv" }]);
    expect(splitCodeSpans("no code")).toEqual([{ code: false, text: "no code" }]);
    expect(splitCodeSpans("an unpaired ` stays")).toEqual([{ code: false, text: "an unpaired ` stays" }]);
  });
});

describe("the 404 error shell", () => {
  const shell =
    '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/>' +
    "<title>Alliance Atlas — The open registry</title></head><body></body></html>";
  const messages = { en, zh };

  it("gets the language of its address and the not-found title", () => {
    const zhPage = mendNotFoundShell(shell, notFoundTexts("/zh/no/such/page", messages));
    expect(zhPage).toContain('<html id="__next_error__" lang="zh-CN">');
    expect(zhPage).toContain(`<title>${zh.notFound.title} · ${zh.meta.siteName}</title>`);
    expect(zhPage).not.toContain("The open registry");
    const elsewhere = mendNotFoundShell(shell, notFoundTexts("/xyz.php", messages));
    expect(elsewhere).toContain('<html id="__next_error__" lang="en">');
    expect(elsewhere).toContain("<title>Page not found · Alliance Atlas</title>");
  });

  it("adds a title when the shell has none, and leaves any other page alone", () => {
    const untitled = shell.replace(/<title>.*<\/title>/, "");
    expect(mendNotFoundShell(untitled, { lang: "en", title: "A & B" })).toContain("<title>A &#38; B</title></head>");
    const page = '<html lang="en"><head><title>Real</title></head></html>';
    expect(mendNotFoundShell(page, { lang: "zh-CN", title: "x" })).toBe(page);
  });
});
