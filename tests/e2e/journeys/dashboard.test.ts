// The staff dashboard in Chromium (issue 13 §3): NMU staff see when each request was sent and what last
// happened to it, filter the list by status with links (also without JavaScript), download their university's
// memberships as CSV, and confirm several entries as still accurate with one button. axe on each state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { expectNoAxeViolations, launchBrowser, screenshot, signIn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let nmu: Page;
let staleIds: string[] = [];
const NMU = "nanjing-medical-university";
const LONG_AGO = new Date("2024-06-01T00:00:00Z");

beforeAll(async () => {
  browser = await launchBrowser();
  const institution = await prisma.institution.findUniqueOrThrow({ where: { slug: NMU } });
  const staff = await prisma.user.findUniqueOrThrow({ where: { email: "staff@njmu.test" } });
  const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atlas.test" } });
  const memberships = await prisma.membership.findMany({
    where: { institutionId: institution.id },
    orderBy: { id: "asc" },
    take: 2,
  });
  staleIds = memberships.map((m) => m.id);
  // Two entries last confirmed long ago, and two decided requests: one withdrawn, one rejected with a comment.
  await prisma.membership.updateMany({
    where: { id: { in: memberships.map((m) => m.id) } },
    data: { confirmedAt: LONG_AGO },
  });
  for (const [m, status] of [
    [memberships[0]!, "WITHDRAWN"],
    [memberships[1]!, "REJECTED"],
  ] as const) {
    const r = await prisma.changeRequest.create({
      data: {
        kind: "MEMBERSHIP_UPDATE",
        status,
        institutionId: institution.id,
        organizationId: m.organizationId,
        membershipId: m.id,
        baseVersion: m.version,
        before: {},
        proposed: {
          role: m.role,
          status: m.status,
          joined: null,
          ended: null,
          notes: "dashboard journey",
          sourceUrl: null,
          sourceTitle: "t",
          sourceQuote: null,
        },
        proposedById: staff.id,
        createdAt: new Date("2026-03-02T09:00:00Z"),
        decidedAt: new Date("2026-03-04T09:00:00Z"),
        decidedById: status === "REJECTED" ? reviewer.id : null,
      },
    });
    if (status === "REJECTED")
      await prisma.changeComment.create({
        data: { changeRequestId: r.id, authorId: reviewer.id, body: "Which page?", createdAt: new Date("2026-03-05") },
      });
  }
  nmu = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("the staff dashboard", () => {
  it("each request says when it was sent and its latest event; the status filter is in the address", async () => {
    await nmu.goto(url("/en/account"));
    const requests = nmu.locator("section", { has: nmu.locator("#requests") });
    await requests
      .getByText(/Sent Mar 2, 2026 · Latest: a comment by .+, Mar 5, 2026/)
      .first()
      .waitFor();
    await requests
      .getByText(/Sent Mar 2, 2026 · Latest: Withdrawn by .+, Mar 4, 2026/)
      .first()
      .waitFor();
    const filter = nmu.getByRole("navigation", { name: "Show requests" });
    expect(await filter.getByRole("link", { name: "All", exact: true }).getAttribute("aria-current")).toBe("page");
    await expectNoAxeViolations(nmu, "the staff dashboard");
    await filter.getByRole("link", { name: "Withdrawn" }).click();
    await nmu.waitForURL(/\/en\/account\?status=withdrawn#requests$/);
    expect(await filter.getByRole("link", { name: "Withdrawn" }).getAttribute("aria-current")).toBe("page");
    expect(await filter.getByRole("link", { name: "All", exact: true }).getAttribute("aria-current")).toBeNull();
    const badges = await requests.locator("li .badge").allTextContents();
    const rows = await requests.locator("ul").last().locator("li").allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes("Withdrawn"))).toBe(true);
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((b) => b === "Withdrawn")).toBe(true);
    await screenshot(nmu, "dashboard-01-filtered");
    await expectNoAxeViolations(nmu, "the staff dashboard, filtered");

    // Without JavaScript the filter is the same links.
    const context = await browser.newContext({
      storageState: await nmu.context().storageState(),
      javaScriptEnabled: false,
    });
    const plain = await context.newPage();
    await plain.goto(url("/zh/account"));
    await plain.getByRole("navigation", { name: "筛选申请" }).getByRole("link", { name: "已驳回" }).click();
    await plain.waitForURL(/\/zh\/account\?status=rejected#requests$/);
    const zhRows = plain
      .locator("section", { has: plain.locator("#requests") })
      .locator("ul")
      .last();
    await zhRows
      .getByText(/最新：.+ 的意见/)
      .first()
      .waitFor();
    await context.close();
  });

  it("the CSV link downloads the staff member's own university's memberships", async () => {
    await nmu.goto(url("/en/account"));
    const link = nmu.getByRole("link", { name: "Download Nanjing Medical University's memberships (CSV)" });
    const href = await link.getAttribute("href");
    expect(href).toBe(`/api/v1/export/institutions/${NMU}.csv`);
    expect(await link.getAttribute("download")).not.toBeNull();
    const response = await nmu.request.get(url(href!));
    expect(response.status()).toBe(200);
    const [header, ...rows] = (await response.text()).split("\r\n").filter(Boolean);
    const column = header!.split(",").indexOf("institution_slug");
    const count = await prisma.membership.count({ where: { institution: { slug: NMU } } });
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.split(",")[column] === NMU)).toBe(true);
  });

  it("several entries confirmed as still accurate with one button; nothing ticked says so", async () => {
    await nmu.goto(url("/en/account"));
    const button = nmu.getByRole("button", { name: "Confirm the ticked entries as still accurate" });
    await button.click();
    await nmu.getByText("Tick at least one entry.").first().waitFor();
    const boxes = nmu.getByRole("checkbox", { name: /^Tick to confirm: / });
    const ticked = await boxes.count();
    expect(ticked).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < ticked; i += 1) await boxes.nth(i).check();
    await screenshot(nmu, "dashboard-02-ticked");
    await button.click();
    await nmu.getByText("All entries are confirmed.").waitFor();
    expect(await boxes.count()).toBe(0);
    const recent = { confirmedAt: { gt: new Date(Date.now() - 600_000) } };
    expect(await prisma.membership.count({ where: { id: { in: staleIds }, ...recent } })).toBe(2);
    expect(await prisma.membership.count({ where: { institution: { slug: NMU }, ...recent } })).toBeGreaterThanOrEqual(
      ticked,
    );
    await expectNoAxeViolations(nmu, "the staff dashboard after confirming");
  });
});
