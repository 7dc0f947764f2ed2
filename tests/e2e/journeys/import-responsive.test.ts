// The server keeps answering while staff preview the 200 KB page that froze it (issue 11: the old reader took
// 56–100 s on it, and /api/health waited behind it). CUHK staff post the page through the real form and see it
// read; the same request is then sent again, one after another, while two clients keep asking /api/health.
// /api/health answers "ok" only if the database answered it within 2 s as the server saw it: a check caught
// behind a frozen event loop answers 503, and the old reader would not even finish the first preview in time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, signIn, url } from "../../support/browser";
import { unclosedParagraphs } from "../../support/adversarial-pages";

let browser: Browser;
let staff: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
});
afterAll(async () => {
  await browser?.close();
});

describe("200 KB adversarial previews do not hold the server", () => {
  it('/api/health answers "ok" throughout previews of the page of unclosed <p', async () => {
    // The staff member's own preview, through the form: what they see, and the request their browser sends.
    await staff.goto(url("/en/account/import"));
    await staff.getByLabel("Your page (text, HTML or CSV)").fill(unclosedParagraphs);
    await staff.getByLabel("The page's address").fill("https://example.org/our-page");
    const posted = staff.waitForRequest(
      (request) => request.method() === "POST" && new URL(request.url()).pathname === "/en/account/import",
    );
    await staff.getByRole("button", { name: "Read the page" }).click();
    const request = await posted;
    await staff.getByText("No organizations were recognized in this text.").waitFor();
    await screenshot(staff, "import-adversarial-preview");

    // The same request sent five times, one after the other, while two clients ask /api/health again and again
    // until the last is answered; each answer notes whether a preview was on its way both when asked and when
    // it came back.
    const headers = await request.allHeaders();
    const body = new Uint8Array(request.postDataBuffer()!);
    expect(body.length).toBeGreaterThan(199_000);
    let pending = 0;
    let done = false;
    const checks: { status: number; ok: boolean; whilePending: boolean }[] = [];
    const poll = async () => {
      while (!done) {
        const askedWhilePending = pending > 0;
        const response = await fetch(url("/api/health"), { cache: "no-store" });
        const health = (await response.json()) as { status: string };
        checks.push({
          status: response.status,
          ok: health.status === "ok",
          whilePending: askedWhilePending && pending > 0,
        });
      }
    };
    const preview = async () => {
      pending++;
      try {
        const response = await fetch(request.url(), { method: "POST", headers, body });
        return { status: response.status, text: await response.text() };
      } finally {
        pending--;
      }
    };
    const polling = Promise.all([poll(), poll()]);
    const previews = [];
    for (let i = 0; i < 5; i++) previews.push(await preview());
    done = true;
    await polling;

    for (const p of previews) {
      expect(p.status).toBe(200);
      expect(p.text).toContain("No organizations were recognized in this text.");
    }
    expect(checks.filter((c) => c.status !== 200 || !c.ok)).toEqual([]);
    // The checks kept coming back while previews were on their way (here 20 to 60 of them).
    expect(checks.filter((c) => c.whilePending).length).toBeGreaterThanOrEqual(10);
  });
});
