// The XSS corpus (tests/support/xss-corpus.ts) stored through the real forms — an admin's organization
// introductions, CUHK staff's membership notes (approved by the admin) and review comments — then rendered in
// Chromium on the public pages and the request page: no dialog opens, no payload runs (window.__xss stays
// unset) and no element carries an event handler or a script URL. Then the Origin check: the same server
// action posted from another site, or with Origin "null", is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { launchBrowser, newContext, screenshot, signInOn, url } from "../../support/browser";
import { batches, xssPayloads } from "../../support/xss-corpus";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let admin: Page;
let staff: Page;
const dialogs: string[] = [];
// CUHK's entries: the approval journey works on NMU's and counts NMU staff's notifications.
const ORGANIZATIONS = ["alliance-of-international-science-organizations", "pan-asian-biomedical-science-consortium"];
const CUHK = "chinese-university-of-hong-kong";
const introBatches = batches(60, 4900);
const noteBatches = batches(40, 1900);
const requestIds: string[] = [];

async function signIn(email: string, password: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  page.on("dialog", (d) => {
    dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  return signInOn(page, email, password);
}

/** Open a page and report any payload that ran or any dangerous markup that reached the DOM. */
async function inspect(page: Page, pathname: string): Promise<string[]> {
  const response = await page.goto(url(pathname));
  expect(response?.status(), pathname).toBe(200);
  await page.locator("main h1").first().waitFor();
  // Give handlers that fire on load or error their chance; the DOM check below covers those that need a user.
  await page.waitForLoadState("load");
  return page.evaluate((where) => {
    const found: string[] = [];
    // The check below looks inside the rendered user text: it must be on the page.
    if (!document.querySelector("main .user-text")) found.push(`${where}: no user text rendered`);
    const w = window as unknown as { __xss?: number };
    if (w.__xss) found.push(`${where}: ${w.__xss} payload(s) ran`);
    for (const el of Array.from(document.querySelectorAll("main *"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${where}: <${el.tagName.toLowerCase()} ${attr.name}>`);
        if (
          /^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name) &&
          /^\s*(javascript|data|vbscript):/i.test(attr.value)
        )
          found.push(`${where}: ${attr.name}=${attr.value}`);
      }
      if (
        /^(script|iframe|object|embed|svg|math|style|base|meta|link|img|form|input|button)$/i.test(el.tagName) &&
        el.closest(".user-text")
      ) {
        found.push(`${where}: <${el.tagName.toLowerCase()}> inside user text`);
      }
    }
    return found;
  }, pathname);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe(`${xssPayloads.length} XSS payloads stored through the real forms and rendered in Chromium`, () => {
  it("an admin stores them in organization introductions", async () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(40);
    admin = await signIn("admin@atlas.test", "atlas-admin-demo");
    for (const [i, batch] of introBatches.entries()) {
      const slug = ORGANIZATIONS[i % ORGANIZATIONS.length]!;
      await admin.goto(url(`/en/admin/organizations/${slug}`));
      await admin.getByLabel("Introduction").fill(`**Introduction** with payloads:\n\n${batch}`);
      await admin.getByRole("button", { name: "Save and publish" }).click();
      await admin.getByText("Saved and published.").waitFor();
      const stored = await prisma.organization.findUniqueOrThrow({ where: { slug } });
      expect(stored.introduction).toContain(batch.split("\n\n")[0]!.trim());
    }
  });

  it("CUHK staff store them in a membership note and a review comment; the admin approves", async () => {
    // The introductions hold the whole corpus; a note and a comment (2,000 characters each) take two more
    // batches through their own forms and their own places on the pages.
    const [note, comment] = noteBatches;
    staff = await signIn("staff@cuhk.test", "cuhk-staff-demo");
    const membership = await prisma.membership.findFirstOrThrow({
      where: { institution: { slug: CUHK }, organization: { slug: ORGANIZATIONS[0] } },
    });
    await staff.goto(url(`/en/account/memberships/${membership.id}`));
    await staff.getByLabel("Notes", { exact: true }).fill(note!);
    await staff.getByLabel("Source title", { exact: true }).fill("XSS corpus");
    await staff.getByRole("button", { name: "Send for review" }).click();
    await staff.waitForURL(/\/account\/requests\//);
    const id = staff.url().split("/").at(-1)!;
    requestIds.push(id);
    await staff.getByLabel("Comment", { exact: true }).fill(comment!);
    await staff.getByRole("button", { name: "Add comment" }).click();
    await staff.getByText("Comment added.").waitFor();
    // The request page shows the comment (markdown) and the proposed note (diff): nothing runs.
    expect(await inspect(admin, `/en/account/requests/${id}`)).toEqual([]);
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();
    // Browsers send a textarea's line breaks as CRLF.
    expect(
      (await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).notes?.replace(/\r\n/g, "\n"),
    ).toBe(note!.trim());
  });

  it("the public pages render every payload as text: no dialog, no execution, no handler, no script URL", async () => {
    const visitor = await (await newContext(browser)).newPage();
    visitor.on("dialog", (d) => {
      dialogs.push(`${visitor.url()}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    // The probe works: a payload that does run is seen.
    await visitor.setContent(`<img src="data:," onerror="window.__xss=(window.__xss||0)+1">`);
    await visitor.waitForFunction(() => (window as unknown as { __xss?: number }).__xss === 1);
    const found: string[] = [];
    for (const slug of ORGANIZATIONS) found.push(...(await inspect(visitor, `/en/organizations/${slug}`)));
    for (const locale of ["en", "zh"]) found.push(...(await inspect(visitor, `/${locale}/institutions/${CUHK}`)));
    await screenshot(visitor, "xss-cuhk-participation");
    await visitor.goto(url(`/en/organizations/${ORGANIZATIONS[0]}`));
    // The payloads are visible as text, so they were rendered, not dropped.
    await visitor.getByText("onerror", { exact: false }).filter({ visible: true }).first().waitFor();
    await screenshot(visitor, "xss-organization");
    expect(found).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe("server actions refuse another site's Origin and a null one", () => {
  it("a comment posted with a foreign or null Origin is refused with 403 and stores nothing", async () => {
    const id = requestIds[0]!;
    await staff.goto(url(`/en/account/requests/${id}`));
    // Capture the real submission of the comment form, then replay it with other Origins.
    let captured: { headers: Record<string, string>; body: Buffer } | undefined;
    await staff.route("**/*", async (route) => {
      const r = route.request();
      if (r.method() === "POST" && r.headers()["next-action"] && !captured) {
        const h = r.headers();
        const keep = ["next-action", "next-router-state-tree", "content-type", "accept"].filter((k) => h[k]);
        captured = { headers: Object.fromEntries(keep.map((k) => [k, h[k]!])), body: r.postDataBuffer()! };
      }
      await route.continue();
    });
    await staff.getByLabel("Comment", { exact: true }).fill("A genuine comment");
    await staff.getByRole("button", { name: "Add comment" }).click();
    await staff.getByText("Comment added.").waitFor();
    await staff.unroute("**/*");
    if (!captured) throw new Error("The comment form posted no server action.");
    const count = () => prisma.changeComment.count({ where: { changeRequestId: id } });
    const before = await count();

    for (const origin of ["https://evil.example", "null"]) {
      const res = await staff.request.post(url(`/en/account/requests/${id}`), {
        headers: { ...captured.headers, origin },
        data: captured.body,
        maxRedirects: 0,
      });
      expect(res.status(), origin).toBe(403);
      expect(await res.text()).toMatch(/did not come from a page of this site/);
    }
    // The same request with the page's own Origin goes through, so the refusals above were about the Origin.
    const ok = await staff.request.post(url(`/en/account/requests/${id}`), {
      headers: { ...captured.headers, origin: new URL(url("/")).origin },
      data: captured.body,
      maxRedirects: 0,
    });
    expect(ok.status()).toBe(200);
    expect(await count()).toBe(before + 1);
    // And next-auth's sign-in refuses them too.
    for (const origin of ["https://evil.example", "null"]) {
      const res = await fetch(url("/api/auth/callback/credentials"), {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: "email=staff%40njmu.test&password=nmu-staff-demo",
        redirect: "manual",
      });
      expect(res.status, origin).toBe(403);
      expect(res.headers.getSetCookie().some((c) => /session-token/.test(c))).toBe(false);
    }
  });
});
