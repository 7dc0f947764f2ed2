// Watching an organization by email, end to end (issue 18 §2): a visitor fills in the form on the page, confirms from
// the mail the SMTP sink received, an approved change comes, the digest job (run here directly, against the
// portal's own database) mails a digest; the visitor opens the subscriber's page from it, changes the frequency, and
// unsubscribes with the button the List-Unsubscribe address shows; a mail client's one-click POST (RFC 8058) works
// through the running server.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { axeViolations, baseUrl, launchBrowser, newContext, screenshot, url } from "../../support/browser";
import { waitForMail } from "../../support/mailbox";

// The digest's links name the running portal: lib/env.ts reads SITE_URL at the first import of the data layer.
process.env.SITE_URL = baseUrl();
const { sendDigest } = await import("@/lib/data/watches/digest");
const { proposeMembershipUpdate } = await import("@/lib/data/change-requests/propose");
const { approveChangeRequest } = await import("@/lib/data/change-requests/decide");
const { membershipValuesSchema } = await import("@/lib/validation/memberships");
const { db } = await import("@/lib/data/db");

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const tag = randomBytes(4).toString("hex");
const ALLIANCE = `watch-journey-alliance-${tag}`;
const allianceName = `Watch Journey Alliance ${tag}`;
const email = `watcher.${tag}@example.org`;
let browser: Browser;
let page: Page;
let membershipId = "";
let staffEmail = "";
let digestText = "";
let unsubscribeHeader = "";

beforeAll(async () => {
  // Records of this file's own: the seeded ones stay as other files read them.
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const institution = await prisma.institution.create({
    data: {
      slug: `watch-journey-university-${tag}`,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: [{ locale: "en", name: `Watch Journey University ${tag}`, kind: "OFFICIAL" }] },
    },
  });
  const organization = await prisma.organization.create({
    data: { slug: ALLIANCE, kind: "ALLIANCE", names: { create: [{ locale: "en", name: allianceName }] } },
  });
  membershipId = (
    await prisma.membership.create({
      data: {
        institutionId: institution.id,
        organizationId: organization.id,
        role: "MEMBER",
        joinedOn: new Date("2016-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        sourceId: source.id,
      },
    })
  ).id;
  staffEmail = `staff-${tag}@example.org`;
  await prisma.user.create({
    data: {
      email: staffEmail,
      name: "Journey Staff",
      role: "STAFF",
      staffRole: "MANAGER",
      institutionId: institution.id,
    },
  });
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
  await db().$disconnect();
});

async function actor(address: string) {
  const u = await prisma.user.findUniqueOrThrow({ where: { email: address } });
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    institutionId: u.institutionId,
    staffRole: u.staffRole,
  };
}

describe("a visitor watches an organization by email", () => {
  it("fills in the form on its page and confirms from the mail", async () => {
    await page.goto(url(`/en/organizations/${ALLIANCE}`));
    await page.getByRole("heading", { name: "Watch by email" }).waitFor();
    await page.getByLabel("Your email").fill(email);
    await page.getByLabel("Weekly (on Mondays)").check();
    await page.getByLabel("Daily").check();
    await page.getByRole("button", { name: "Watch", exact: true }).click();
    await page.getByText(/^Check your inbox: if the address can receive digests/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "watch-01-form-sent");

    const mail = await waitForMail(email, { subject: /^Confirm: watch Watch Journey Alliance/ });
    const link = /https?:\/\/\S+\/en\/watch\/confirm\/[\w-]{40,}/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeTruthy();
    // Opening the link confirms nothing (mail scanners open links): the button does.
    await page.goto(link!);
    await page.getByRole("heading", { name: "Confirm watching" }).waitFor();
    expect((await prisma.watch.findFirstOrThrow({ where: { watcher: { email } } })).confirmedAt).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.waitForURL(/\/en\/watch\/[\w-]{40,}\?confirmed=1$/);
    await page.getByText("Confirmed: you watch it now.").waitFor();
    await page.getByRole("link", { name: allianceName }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "watch-02-confirmed");
  });

  it("an approved change arrives in the next digest, with its links and one-click unsubscribe headers", async () => {
    const m = await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } });
    const notes = `Founding member (${tag})`;
    const request = await proposeMembershipUpdate(await actor(staffEmail), {
      membershipId,
      baseVersion: m.version,
      reason: null,
      values: membershipValuesSchema.parse({
        role: "MEMBER",
        status: "ACTIVE",
        joined: "2016",
        ended: "",
        notes,
        sourceUrl: "https://example.org/watch-journey",
        sourceTitle: "Alliance news",
        sourceQuote: `Stated on our page (${tag})`,
      }),
    });
    await approveChangeRequest(await actor("admin@atlas.test"), request.id, null);

    // The digest job, run as the sweep's job would run it, at the next daily moment. The stream hands a change out
    // once older transactions of the server ended: until then the digest finds nothing and is asked again.
    const watcher = await prisma.watcher.findUniqueOrThrow({ where: { email } });
    const next = new Date(Date.now() + 26 * 3600_000);
    const deadline = Date.now() + 30_000;
    let outcome = await sendDigest(watcher.id, next);
    while (outcome.kind !== "sent" && Date.now() < deadline) {
      await prisma.watcher.update({ where: { id: watcher.id }, data: { digestedAt: new Date(0) } });
      await new Promise((r) => setTimeout(r, 200));
      outcome = await sendDigest(watcher.id, next);
    }
    expect(outcome).toEqual({ kind: "sent", changes: 1 });

    const digest = await waitForMail(email, { subject: /change to what you watch/ });
    digestText = digest.text;
    expect(digest.text).toMatch(new RegExp(`Notes: — → Founding member \\(${tag}\\)`));
    expect(digest.html).toContain(`${baseUrl()}/en/institutions/watch-journey-university-${tag}`);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    unsubscribeHeader = /^<(.+)>$/.exec(digest.headers["list-unsubscribe"] ?? "")?.[1] ?? "";
    expect(unsubscribeHeader).toMatch(new RegExp(`^${baseUrl()}/api/watch/unsubscribe/[\\w-]{40,}\\?lang=en$`));
    // Sent once: the same moment again (a second instance's job) sends nothing.
    expect(await sendDigest(watcher.id, next)).toEqual({ kind: "skipped" });
  });

  it("the digest's link opens the subscriber's page; the frequency changes there", async () => {
    const pageLink = new RegExp(`${baseUrl()}/en/watch/[\\w-]{40,}(?=\\n)`).exec(digestText)?.[0];
    expect(pageLink, digestText).toBeTruthy();
    await page.goto(pageLink!);
    await page.getByRole("heading", { name: "Your watches" }).waitFor();
    await page.getByLabel("Weekly (on Mondays)").check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Digests come weekly from now on.").waitFor();
    expect((await prisma.watcher.findUniqueOrThrow({ where: { email } })).frequency).toBe("WEEKLY");
    await screenshot(page, "watch-03-subscriber-page");
  });

  it("List-Unsubscribe: a GET shows a button that unsubscribes; a mail client's POST needs no click", async () => {
    const get = await fetch(unsubscribeHeader, { redirect: "manual" });
    expect(get.status).toBe(303);
    await page.goto(unsubscribeHeader);
    await page.getByText(`Stop every digest to ${email}?`).waitFor();
    expect(await prisma.watcher.count({ where: { email } })).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByText("Unsubscribed: no more digests go to this address").waitFor();
    expect(await prisma.watcher.count({ where: { email } })).toBe(0);
    await screenshot(page, "watch-04-unsubscribed");

    // A mail client's one-click POST (RFC 8058), through the running portal's front and proxy (no Origin, no
    // cookie): another subscriber, whose page token is made here as the digest job makes one.
    const other = await prisma.watcher.create({ data: { email: `oneclick.${tag}@example.org` } });
    const token = randomBytes(32).toString("base64url");
    await prisma.watchToken.create({
      data: {
        hash: createHash("sha256").update(token).digest("hex"),
        watcherId: other.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const oneClick = (t: string) =>
      fetch(`${baseUrl()}/api/watch/unsubscribe/${t}?lang=en`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
    expect((await oneClick(token)).status).toBe(200);
    expect(await prisma.watcher.count({ where: { id: other.id } })).toBe(0);
    // The first subscriber's token opens nothing any more.
    expect((await oneClick(/\/unsubscribe\/([\w-]+)\?/.exec(unsubscribeHeader)![1]!)).status).toBe(404);
  });
});
