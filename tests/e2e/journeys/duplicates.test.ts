// A duplicate organization (issue 13 §1): NMU staff propose "Eurasia Pacific Uninet", which the registry has as
// Eurasia-Pacific Uninet and NMU already belongs to; the proposer is told similar organizations exist, the
// admin's review page shows it as a possible duplicate, and the admin records the proposal as NMU's membership
// of the existing organization instead. NMU's page lists Eurasia-Pacific Uninet once; no second one exists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { axeViolations, launchBrowser, newContext, screenshot, signIn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const EPU = "eurasia-pacific-uninet";
let browser: Browser;
let requestPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("a proposed organization the registry already has is merged into it", () => {
  it("NMU staff propose “Eurasia Pacific Uninet” and are told a similar organization is listed", async () => {
    const nmu: Page = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await nmu.goto(url("/en/account/new-organization"));
    await nmu.getByLabel("Name in English").fill("Eurasia Pacific Uninet");
    await nmu.getByLabel("Joined").fill("October 2009");
    await nmu.getByLabel("Source address (URL)").fill("https://example.org/nmu/international");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu.waitForURL(/\/account\/requests\//);
    requestPath = new URL(nmu.url()).pathname;
    const warning = nmu.getByTestId("possible-duplicates");
    await warning.getByRole("heading", { name: "Similar organizations are already in the registry" }).waitFor();
    await warning.getByRole("link", { name: "Eurasia-Pacific Uninet" }).waitFor();
    await warning.getByText("Nanjing Medical University already belongs to it", { exact: false }).waitFor();
    // Staff cannot merge: no such form for them.
    expect(await nmu.getByRole("button", { name: "Record as a membership instead" }).count()).toBe(0);
    await screenshot(nmu, "duplicates-01-proposer-warned");
  });

  it("the admin's review page shows the possible duplicate, and the admin records a membership instead", async () => {
    const organizations = await prisma.organization.count();
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url(requestPath));
    const duplicates = admin.getByTestId("possible-duplicates");
    await duplicates.getByRole("heading", { name: "Possible duplicates" }).waitFor();
    const candidate = duplicates.getByTestId("possible-duplicate").filter({ hasText: "Eurasia-Pacific Uninet" });
    await candidate.getByText("Name: “Eurasia-Pacific Uninet” (100% alike)").waitFor();
    await candidate.getByText(/Nanjing Medical University already belongs to it/).waitFor();
    expect(await admin.getByRole("radio", { name: /Eurasia-Pacific Uninet/ }).isChecked()).toBe(true);
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "duplicates-02-admin-possible-duplicates");

    await admin.getByRole("button", { name: "Record as a membership instead" }).click();
    await admin
      .getByTestId("merge-outcome")
      .getByText(/Recorded as a membership of Eurasia-Pacific Uninet/)
      .waitFor();
    await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "duplicates-03-admin-merged");
    expect(await prisma.organization.count()).toBe(organizations);
  });

  it("NMU's public page lists Eurasia-Pacific Uninet once, and there is no eurasia-pacific-uninet-2", async () => {
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url("/en/institutions/nanjing-medical-university"));
    await visitor
      .getByRole("row", { name: /Eurasia-Pacific Uninet/ })
      .first()
      .waitFor();
    expect(await visitor.getByRole("row", { name: /Eurasia-Pacific Uninet/ }).count()).toBe(1);
    expect((await visitor.goto(url(`/en/organizations/${EPU}-2`)))!.status()).toBe(404);
    expect(await prisma.organization.count({ where: { slug: { startsWith: `${EPU}-` } } })).toBe(0);
    await screenshot(visitor, "duplicates-04-nmu-page");
  });
});
