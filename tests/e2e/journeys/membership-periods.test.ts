// A member that left and rejoined, in Chromium, on records of this file's own: the university's editor proposes
// reversed earlier periods and is refused beside the field, then sends a new joined date after the end; the admin
// sees the kept period in the review; the organization's page shows every period in English and Chinese. axe on
// every page visited.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import { expectNoAxeViolations, launchBrowser, newContext, screenshot, signIn, url } from "../../support/browser";

let browser: Browser;
const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const tag = randomBytes(3).toString("hex");
const UNIVERSITY = `Periods Journey University ${tag}`;
const ORGANIZATION = `periods-journey-alliance-${tag}`;
const EMAIL = `editor-${tag}@periods.test`;
const PASSWORD = "periods journey pass";
let membershipId = "";
let requestPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const institution = await prisma.institution.create({
    data: {
      slug: `periods-journey-university-${tag}`,
      kind: "UNIVERSITY",
      country: "DE",
      names: { create: [{ locale: "en", name: UNIVERSITY, kind: "OFFICIAL" }] },
    },
  });
  const organization = await prisma.organization.create({
    data: {
      slug: ORGANIZATION,
      kind: "ALLIANCE",
      names: { create: [{ locale: "en", name: `Periods Journey Alliance ${tag}` }] },
    },
  });
  membershipId = (
    await prisma.membership.create({
      data: {
        institutionId: institution.id,
        organizationId: organization.id,
        role: "MEMBER",
        status: "WITHDRAWN",
        joinedOn: new Date("2005-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        endedOn: new Date("2012-06-01T00:00:00Z"),
        endedPrecision: "MONTH",
        sourceId: source.id,
      },
    })
  ).id;
  await prisma.user.create({
    data: {
      email: EMAIL,
      name: "Periods Editor",
      role: "STAFF",
      staffRole: "EDITOR",
      institutionId: institution.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("a member that left and rejoined", () => {
  it("the editor is refused reversed periods beside the field, then sends the new joined date", async () => {
    const editor = await signIn(browser, EMAIL, PASSWORD);
    await editor.goto(url(`/en/account/memberships/${membershipId}`));
    const field = editor.getByLabel("Earlier periods of membership");
    await field.fill("2001 – 1999");
    await editor.getByLabel("Source address (URL)").fill("https://alliance.example.org/members");
    await editor.getByLabel("Source title").fill("Our members");
    await editor
      .getByLabel("Quoted passage from the source")
      .fill("A member 1999–2001, 2005–2012 and again from 2019.");
    await editor.getByRole("button", { name: "Send for review" }).click();
    await editor
      .locator('[id="values.formerPeriods-error"]', { hasText: "Period 1: it ends before it begins." })
      .waitFor();
    expect(await prisma.changeRequest.count({ where: { membershipId } })).toBe(0);
    await expectNoAxeViolations(editor, "membership form with a period refused");
    await screenshot(editor, "membership-periods-01-refused");

    await field.fill("");
    await editor.getByLabel("Status").selectOption({ label: "Active" });
    await editor.getByLabel("Joined", { exact: true }).fill("Sep 2019");
    await editor.getByLabel("Ended", { exact: true }).fill("");
    await editor.getByRole("button", { name: "Send for review" }).click();
    await editor.waitForURL(/\/account\/requests\//);
    requestPath = new URL(editor.url()).pathname;
    await editor.getByText("Pending").first().waitFor();
    await editor.context().close();
  });

  it("the admin sees the kept period and approves; the page shows every period in English and Chinese", async () => {
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url(requestPath));
    const row = admin.locator("tr", { hasText: "Earlier periods" });
    await row.getByText("2005 – June 2012").first().waitFor();
    await expectNoAxeViolations(admin, "review of a rejoining membership");
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();
    await admin.context().close();

    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url(`/en/organizations/${ORGANIZATION}`));
    const member = visitor.locator("tr", { hasText: UNIVERSITY });
    await member.getByTestId("periods").getByText("2005–June 2012, since September 2019").waitFor();
    // The public history keeps what the change did: one period before, both after.
    const history = visitor.getByRole("region", { name: "History of approved changes" });
    await history.getByText("Member · Withdrawn · 2005 – June 2012", { exact: false }).waitFor();
    await history.getByText("Member · 2005–June 2012, since September 2019", { exact: false }).waitFor();
    await expectNoAxeViolations(visitor, "organization page with a rejoined member");
    await screenshot(visitor, "membership-periods-02-public-page");
    await visitor.goto(url(`/zh/organizations/${ORGANIZATION}`));
    await visitor
      .locator("tr", { hasText: UNIVERSITY })
      .getByTestId("periods")
      .getByText("2005年–2012年6月，2019年9月起")
      .waitFor();
    await visitor.goto(url("/en/data"));
    await visitor.getByRole("heading", { name: "Members that left and rejoined, on Wikidata" }).waitFor();
    await expectNoAxeViolations(visitor, "data page");
  });
});
