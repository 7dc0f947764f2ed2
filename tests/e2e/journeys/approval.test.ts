// The approval workflow with three signed-in browsers and a visitor: NMU staff correct an entrance date and
// propose a new membership; CUHK staff can neither see nor change NMU's entries (through the UI or by
// posting the server action with NMU's ids); an admin approves the first and rejects the second with a
// comment; the visitor sees only the approved change; NMU staff see both decisions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { chooseOrganization, launchBrowser, newContext, screenshot, signIn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
const SINO_RUSSIAN = "association-of-sino-russian-medical-universities";
const UASR = "University Alliance of the Silk Road";

const nmuMembership = () =>
  prisma.membership.findFirstOrThrow({
    where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: SINO_RUSSIAN } },
  });

let nmu: Page;
let cuhk: Page;
let admin: Page;
let correctionId = "";
let additionId = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("staff propose, an admin decides, the public sees only what was approved", () => {
  it("NMU staff correct the entrance date of a membership", async () => {
    nmu = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await nmu.getByRole("heading", { name: /Nanjing Medical University.s international organizations/ }).waitFor();
    await screenshot(nmu, "journey-01-nmu-dashboard");
    await nmu.getByRole("link", { name: /Propose a change.*Sino-Russian/ }).click();
    await nmu.getByLabel("Joined").fill("2017");
    await nmu.getByLabel("Source title").fill("NMU international office, 2017 annual report");
    // A changed date cites the passage of its new source (lib/shared/fact-sources.ts).
    await nmu.getByLabel("Quoted passage from the source").fill("In 2017 NMU joined the ASRMU.");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu.waitForURL(/\/account\/requests\//);
    correctionId = nmu.url().split("/").at(-1)!;
    await nmu.getByText("Pending").first().waitFor();
    await screenshot(nmu, "journey-02-nmu-correction-pending");
    expect((await nmuMembership()).joinedOn).toBeNull();
  });

  it("NMU staff propose a new membership", async () => {
    await nmu.goto(url("/en/account/new"));
    await chooseOrganization(nmu, "UASR", UASR);
    await nmu.getByLabel("Joined").fill("May 2019");
    await nmu.getByLabel("Source address (URL)").fill("https://example.org/nmu/uasr");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu.waitForURL(/\/account\/requests\//);
    additionId = nmu.url().split("/").at(-1)!;
    await screenshot(nmu, "journey-03-nmu-addition-pending");
  });

  it("a field error is shown next to its field, and nothing is stored", async () => {
    const before = await prisma.changeRequest.count();
    await nmu.goto(url("/en/account/new"));
    await chooseOrganization(nmu, "ANSO", "Alliance of International Science Organizations");
    await nmu.getByLabel("Joined").fill("Feb 30, 2020");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    // Beside its field (and in the summary above the form, linking to it).
    await nmu.locator('[id="values.joined-error"]', { hasText: /"Feb 30, 2020" is not a date/ }).waitFor();
    expect(await nmu.getByLabel("Joined").getAttribute("aria-invalid")).toBe("true");
    await nmu.getByLabel("Joined").fill("2020");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu
      .locator('[id="values.sourceUrl-error"]', { hasText: "Cite a source: its address or its title." })
      .waitFor();
    expect(await prisma.changeRequest.count()).toBe(before);
    await screenshot(nmu, "journey-04-nmu-field-errors");
  });

  it("NMU staff propose a change to their institution's profile, with a validated ROR ID", async () => {
    await nmu.goto(url("/en/account"));
    await nmu.getByRole("link", { name: "Edit our profile" }).click();
    await nmu.getByLabel("ROR ID").fill("not a ror id");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu.locator('[id="values.rorId-error"]', { hasText: "A ROR ID looks like 00f1zfq44." }).waitFor();
    await nmu.getByLabel("ROR ID").fill("059gcgy73");
    await nmu.getByLabel("Website").fill("https://www.njmu.edu.cn");
    // The changed values' own source: they are credited to it, not to the page the record was seeded from.
    await nmu.getByLabel("Source address (URL)").fill("https://www.njmu.edu.cn/about");
    await nmu.getByLabel("Quoted passage from the source").fill("Nanjing Medical University, www.njmu.edu.cn");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu.waitForURL(/\/account\/requests\//);
    await nmu.getByText("Institution profile").first().waitFor();
    await screenshot(nmu, "journey-04b-nmu-profile-pending");
  });

  it("CUHK staff cannot see or change NMU's entries, through the UI or by posting the action", async () => {
    cuhk = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
    expect(await cuhk.getByText("Sino-Russian").count()).toBe(0);
    const nmuEntry = await nmuMembership();
    expect((await cuhk.goto(url(`/en/account/memberships/${nmuEntry.id}`)))!.status()).toBe(404);
    expect((await cuhk.goto(url(`/en/account/requests/${correctionId}`)))!.status()).toBe(404);

    // Open CUHK's own edit form and post it with NMU's membership id instead.
    await cuhk.goto(url("/en/account"));
    await cuhk
      .getByRole("link", { name: /Propose a change/ })
      .first()
      .click();
    await cuhk.waitForURL(/\/account\/memberships\//);
    const before = await prisma.changeRequest.count({ where: { membershipId: nmuEntry.id } });
    await cuhk.evaluate((id) => {
      const input = document.querySelector<HTMLInputElement>("input[name=membershipId]")!;
      input.value = id;
    }, nmuEntry.id);
    await cuhk.getByLabel("Notes").fill("Taken over by CUHK");
    await cuhk.getByRole("button", { name: "Send for review" }).click();
    await cuhk.getByText("No such membership of your institution.").waitFor();
    expect(await prisma.changeRequest.count({ where: { membershipId: nmuEntry.id } })).toBe(before);
    expect((await nmuMembership()).notes).toBe(nmuEntry.notes);
    await screenshot(cuhk, "journey-05-cuhk-refused");
    expect((await cuhk.goto(url("/en/admin/reviews")))!.status()).toBe(404);
  });

  it("an admin approves the correction and rejects the addition with a comment", async () => {
    admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    // NMU's three requests, and whatever other journeys (run in any order) left waiting.
    const pending = await prisma.changeRequest.count({ where: { status: "PENDING" } });
    expect(pending).toBeGreaterThanOrEqual(3);
    await admin.getByText(`${pending} changes waiting`).waitFor();
    await admin.goto(url("/en/admin/reviews"));
    await screenshot(admin, "journey-06-admin-queue");
    await admin.goto(url(`/en/account/requests/${correctionId}`));
    await admin.getByText("changed").first().waitFor();
    await screenshot(admin, "journey-07-admin-diff");
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();

    await admin.goto(url(`/en/account/requests/${additionId}`));
    // One form: Reject without a comment is refused beside the comment, which is then the reason.
    await admin.getByRole("button", { name: "Reject" }).click();
    await admin.locator("#decision-comment-error", { hasText: "Say why the change is rejected." }).waitFor();
    await admin
      .getByLabel("Comment on your decision")
      .fill("The UASR member list does not include NMU; please cite it.");
    await admin.getByRole("button", { name: "Reject" }).click();
    await admin.getByText(/Decision by Demo Admin: Rejected/).waitFor();
    await screenshot(admin, "journey-08-admin-rejected");
    expect(await prisma.auditEvent.count({ where: { changeRequestId: correctionId } })).toBe(1);
  });

  it("a visitor sees the approved change on NMU's page, and not the rejected one", async () => {
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url("/en/institutions/nanjing-medical-university"));
    const row = visitor.getByRole("row", { name: /Sino-Russian/ });
    await row.getByText("2017", { exact: true }).waitFor();
    expect(await visitor.getByRole("row", { name: /University Alliance of the Silk Road/ }).count()).toBe(0);
    // The page says when the approved change happened (and names no one).
    await visitor.getByRole("heading", { name: "History of approved changes" }).waitFor();
    await visitor
      .getByRole("listitem")
      .filter({ hasText: /Membership updated: The Association of Sino-Russian/ })
      .waitFor();
    expect(await visitor.getByText("Demo NMU Staff").count()).toBe(0);
    await screenshot(visitor, "journey-09-visitor-sees-approved");
  });

  it("NMU staff see both decisions", async () => {
    await nmu.goto(url("/en/account"));
    // Each decision says what it was about and where, never a request's id.
    await nmu
      .getByText(/^Your change to Nanjing Medical University’s membership in .*Sino-Russian.* was approved\.$/)
      .waitFor();
    await nmu
      .getByText(
        new RegExp(
          "^Your proposed membership of Nanjing Medical University in University Alliance of the Silk Road " +
            "was rejected: The UASR member list",
        ),
      )
      .waitFor();
    await nmu.getByText("Approved", { exact: true }).first().waitFor();
    await nmu.getByText("Rejected", { exact: true }).first().waitFor();
    await screenshot(nmu, "journey-10-nmu-decisions");
  });
});
