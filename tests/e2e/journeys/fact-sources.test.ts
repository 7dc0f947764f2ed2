// A changed fact with its new source (issue 13 §1): NMU staff correct BRIMEA's entrance date from "May 2018" to
// "May 12, 2018" — refused while it cites nothing new, sent with a new source and passage — an admin approves, and
// the public NMU page shows the new date beside the new quote while the history keeps the old value with the old
// source. axe on every page visited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { axeViolations, launchBrowser, newContext, screenshot, signIn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const BRIMEA = "belt-and-road-international-medical-education-alliance";
const OLD_QUOTE = "May 2018, Founding Member";
const NEW_QUOTE = "On May 12, 2018, Nanjing Medical University became a founding member of BRIMEA.";
/** The day NMU's staff read the new source: before today, as the seen date must show. */
const READ_ON = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);

let browser: Browser;
let nmu: Page;
let requestPath = "";

const brimea = () =>
  prisma.membership.findFirstOrThrow({
    where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: BRIMEA } },
    include: { source: true },
  });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("a changed fact carries its own source", () => {
  it(`NMU staff see the current value's source, are refused without a new one, and send the date with \
its source`, async () => {
    const m = await brimea();
    expect(m.quote).toBe(OLD_QUOTE);
    nmu = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await nmu.goto(url(`/en/account/memberships/${m.id}`));
    const current = nmu.getByRole("region", { name: "The current value's source" });
    await current.getByText(`“${OLD_QUOTE}”`).waitFor();
    await current.getByText("seen Nov 23, 2026").waitFor();
    expect(await axeViolations(nmu)).toEqual([]);

    await nmu.getByLabel("Joined").fill("May 12, 2018");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu
      .locator('[id="values.sourceQuote-error"]', {
        hasText: "Quote the passage of the source that states the new value.",
      })
      .waitFor();
    expect(await prisma.changeRequest.count({ where: { membershipId: m.id, status: "PENDING" } })).toBe(0);
    expect(await axeViolations(nmu)).toEqual([]);
    await screenshot(nmu, "fact-sources-01-refused");

    await nmu.getByLabel("Source address (URL)").fill("https://brimea.example.org/founding");
    await nmu.getByLabel("Source title").fill("BRIMEA founding ceremony");
    await nmu.getByLabel("Quoted passage from the source").fill(NEW_QUOTE);
    await nmu.getByLabel("Read on").fill(READ_ON);
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu.waitForURL(/\/account\/requests\//);
    requestPath = new URL(nmu.url()).pathname;
    await nmu.getByText("Pending").first().waitFor();
  });

  it(`the admin approves; the public page shows the new date with the new quote, the history the old with \
the old`, async () => {
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url(requestPath));
    await admin.getByText(NEW_QUOTE).first().waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();

    const after = await brimea();
    expect(after.source.seenOn.toISOString().slice(0, 10)).toBe(READ_ON);

    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url("/en/institutions/nanjing-medical-university"));
    const row = visitor.locator("tr", { hasText: "The Belt and Road International Medical Education Alliance" });
    await row.getByText("May 12, 2018", { exact: true }).waitFor();
    // The entrance cell's source number leads to the source and its passage in the list under the table.
    const mark = row.getByRole("link", { name: /^Source \[\d+\]$/ });
    const target = (await mark.getAttribute("href")) ?? "";
    await mark.click();
    const cited = visitor.locator(`[id="${target.slice(1)}"]`);
    await cited.getByText(`“${NEW_QUOTE}”`).waitFor();
    expect(await cited.getByText(OLD_QUOTE).count()).toBe(0);

    const history = visitor.getByRole("region", { name: "History of approved changes" });
    const entry = history
      .locator("li", { hasText: "The Belt and Road International Medical Education Alliance" })
      .first();
    await entry.getByText(`“${OLD_QUOTE}”`, { exact: false }).waitFor();
    await entry.getByText(`“${NEW_QUOTE}”`, { exact: false }).waitFor();
    expect(await entry.locator("dd").first().textContent()).toMatch(
      /May 2018.*International Organization — Entrance Time/,
    );
    expect(await axeViolations(visitor)).toEqual([]);
    await screenshot(visitor, "fact-sources-02-public-page");
  });
});
