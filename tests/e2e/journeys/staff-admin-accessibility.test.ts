// Every staff and admin page, in both languages, on a desktop and on a phone, passes axe-core with no
// violations (issue 13: "axe reports 0 violations on every staff and admin page the journeys visit"). The
// journeys check the pages in the state each step leaves them; this file checks each page as such, so a page no
// journey happens to run axe on is still checked. The record pages are opened on real records: a request, a
// membership, an import draft made through the form, an institution and an organization.
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { expectNoAxeViolations, launchBrowser, newContext, openPage, signInOn, url } from "../../support/browser";
import { seedPages } from "../../support/seed-pages";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

let browser: Browser;
let madeRequest: string | null = null;
const staffPaths: string[] = [];
const adminPaths: string[] = [];

/** CUHK staff read their page into an import draft through the form: the draft page needs one. */
async function importDraftPath(staff: Page): Promise<string> {
  await staff.goto(url("/en/account/import"));
  await staff.getByLabel("Your page (text, HTML or CSV)").fill(seedPages["cuhk-belt-and-road"]!);
  await staff.getByLabel("The page's address").fill("https://www.cuhk.edu.hk/belt-and-road");
  await staff.getByRole("button", { name: "Read the page" }).click();
  await staff.waitForURL(/\/en\/account\/import\/\w+$/);
  return new URL(staff.url()).pathname.replace(/^\/en/, "");
}

/** A request of CUHK's to open: one waiting on the entry, else one made here (and withdrawn afterwards). */
async function pendingRequest(membershipId: string): Promise<{ id: string }> {
  const waiting = await prisma.changeRequest.findFirst({ where: { membershipId, status: "PENDING" } });
  if (waiting) return waiting;
  const { proposeMembershipUpdate } = await import("@/lib/data/change-requests/propose");
  const { membershipValuesSchema } = await import("@/lib/validation/memberships");
  const staff = await prisma.user.findUniqueOrThrow({
    where: { email: "staff@cuhk.test" },
    select: { id: true, email: true, name: true, role: true, institutionId: true, staffRole: true },
  });
  const m = await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } });
  const made = await proposeMembershipUpdate(staff, {
    membershipId,
    baseVersion: m.version,
    reason: "Checked for accessibility",
    values: membershipValuesSchema.parse({
      role: m.role,
      status: m.status,
      joined: "",
      ended: "",
      notes: "Accessibility check",
      sourceUrl: "https://www.cuhk.edu.hk/belt-and-road",
      sourceTitle: "CUHK's page",
      sourceQuote: "Accessibility check: the entry as the page states it.",
    }),
  });
  madeRequest = made.id;
  return made;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const staff = await signInOn(await (await newContext(browser)).newPage(), "staff@cuhk.test", "cuhk-staff-demo");
  const draft = await importDraftPath(staff);
  await staff.context().close();
  const cuhk = await prisma.institution.findUniqueOrThrow({ where: { slug: "chinese-university-of-hong-kong" } });
  const membership = await prisma.membership.findFirstOrThrow({
    where: { institutionId: cuhk.id },
    include: { organization: { select: { slug: true } } },
    orderBy: { id: "asc" },
  });
  const request = await pendingRequest(membership.id);
  staffPaths.push(
    "/account",
    "/account/new",
    "/account/new-organization",
    "/account/profile",
    "/account/import",
    draft,
    `/account/memberships/${membership.id}`,
    `/account/requests/${request.id}`,
    "/account/webhooks",
  );
  adminPaths.push(
    "/account",
    "/account/webhooks",
    "/admin/reviews",
    `/account/requests/${request.id}`,
    "/admin/discrepancies",
    "/admin/discrepancies?dismissed=1",
    "/admin/history",
    "/admin/institutions",
    `/admin/institutions/${cuhk.slug}`,
    "/admin/organizations",
    `/admin/organizations/${membership.organization.slug}`,
    "/admin/outbox",
    "/admin/users",
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // Later journeys propose changes to CUHK's entries: none may find this one waiting.
  if (madeRequest) await prisma.changeRequest.update({ where: { id: madeRequest }, data: { status: "WITHDRAWN" } });
  await prisma.$disconnect();
});

async function checkAll(email: string, password: string, paths: string[]) {
  for (const viewport of viewports) {
    const context = await newContext(browser, viewport);
    const page = await signInOn(await context.newPage(), email, password);
    for (const locale of ["en", "zh"])
      for (const path of paths) {
        await openPage(page, `/${locale}${path}`);
        await expectNoAxeViolations(page, `/${locale}${path} (${viewport.name})`);
      }
    await context.close();
  }
}

describe("axe-core on every staff and admin page, desktop and phone, English and Chinese", () => {
  it("a university's staff: dashboard, forms, import, a membership, a request", async () => {
    await checkAll("staff@cuhk.test", "cuhk-staff-demo", staffPaths);
  }, 240_000);

  it("an admin: queue, review page, discrepancies, history, records, outbox, accounts", async () => {
    await checkAll("admin@atlas.test", "atlas-admin-demo", adminPaths);
  }, 300_000);
});
