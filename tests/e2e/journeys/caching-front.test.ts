// The caching front a deployment puts before the portal (deploy/nginx/, started with the repository's own maps and
// locations by scripts/lib/nginx-front.mjs): anonymous HTML of the public pages is served from its cache; a data
// client, a signed-in visitor and the private pages never are; and an approval is public through it within 1 s.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startNginxFront } from "../../../scripts/lib/nginx-front.mjs";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { baseUrl, launchBrowser, signIn } from "../../support/browser";
import { freePort } from "../../support/instances";
import { loadActor } from "../../support/db";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const tag = randomBytes(4).toString("hex");
// This file's own university, organization and membership: the approval below changes nothing the seed holds.
const INSTITUTION = `front-university-${tag}`;
const ORGANIZATION = `front-alliance-${tag}`;
let front: Awaited<ReturnType<typeof startNginxFront>>;
let browser: Browser | undefined;
let membershipId = "";

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${front.url}${pathname}`, { headers: { accept: BROWSER_ACCEPT, ...headers }, redirect: "manual" });

/** Two requests within one second, so the second one can be served from the copy the first one left. */
async function twiceWithinASecond(pathname: string, headers: Record<string, string> = {}) {
  for (;;) {
    // Start right after a second's boundary: the front's copies last until the end of the second they were made in.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
    const started = Date.now();
    const first = await get(pathname, headers);
    const firstBody = await first.text();
    const second = await get(pathname, headers);
    const secondBody = await second.text();
    if (Math.floor(Date.now() / 1000) === Math.floor(started / 1000)) return { first, firstBody, second, secondBody };
  }
}

beforeAll(async () => {
  const upstream = new URL(baseUrl()).host;
  front = await startNginxFront({
    upstream,
    port: await freePort(),
    dir: path.join(process.cwd(), "test-results", "nginx-front"),
  });
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const institution = await prisma.institution.create({
    data: {
      slug: INSTITUTION,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: [{ locale: "en", name: `Front Test University ${tag}`, kind: "OFFICIAL" }] },
    },
  });
  const organization = await prisma.organization.create({
    data: {
      slug: ORGANIZATION,
      kind: "ALLIANCE",
      names: { create: [{ locale: "en", name: `Front Alliance ${tag}` }] },
    },
  });
  membershipId = (
    await prisma.membership.create({
      data: { institutionId: institution.id, organizationId: organization.id, role: "MEMBER", sourceId: source.id },
    })
  ).id;
  await prisma.user.create({
    data: {
      email: `staff-${INSTITUTION}@example.org`,
      name: "Front Test Staff",
      role: "STAFF",
      staffRole: "MANAGER",
      institutionId: institution.id,
    },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await front?.stop();
  await prisma.$disconnect();
});

describe("the caching front (nginx, deploy/nginx/)", () => {
  it("serves a public page's HTML from its cache within the second, the same bytes the portal sent", async () => {
    for (const pathname of [`/en/institutions/${INSTITUTION}`, "/zh/organizations", "/en"]) {
      const { first, firstBody, second, secondBody } = await twiceWithinASecond(pathname);
      expect(first.status, pathname).toBe(200);
      expect(first.headers.get("x-cache-status"), pathname).toMatch(/MISS|EXPIRED/);
      expect(second.headers.get("x-cache-status"), pathname).toBe("HIT");
      expect(secondBody).toBe(firstBody);
      // The portal's expiry stamp is the front's business, never passed on.
      expect(second.headers.get("x-accel-expires")).toBeNull();
    }
  });

  it("keeps no copy past the end of its second", async () => {
    const pathname = `/en/institutions/${INSTITUTION}`;
    await twiceWithinASecond(pathname);
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 50));
    expect((await get(pathname)).headers.get("x-cache-status")).toMatch(/EXPIRED|MISS/);
  });

  it("never hands a data client the cached page, nor a browser the data", async () => {
    const pathname = `/en/institutions/${INSTITUTION}`;
    await twiceWithinASecond(pathname);
    for (const accept of ["application/json", "application/ld+json", "text/csv"]) {
      const data = await get(pathname, { accept });
      expect(data.status, accept).toBe(303);
      expect(data.headers.get("x-cache-status"), accept).toBe("BYPASS");
      expect(data.headers.get("location"), accept).toMatch(/\/api\/v1\/(export\/)?institutions\/front-university-/);
    }
    const page = await get(pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("never serves a signed-in visitor from the cache, nor stores what it gets", async () => {
    const pathname = `/en/institutions/${INSTITUTION}`;
    const cookie = { cookie: "next-auth.session-token=not-a-real-session" };
    const { first, second } = await twiceWithinASecond(pathname, cookie);
    expect(first.headers.get("x-cache-status")).toBe("BYPASS");
    expect(second.headers.get("x-cache-status")).toBe("BYPASS");
  });

  it("stores none of the private pages, the API or sign-in", async () => {
    for (const pathname of ["/en/account", "/en/login", "/api/v1/organizations", "/en/admin/reviews"]) {
      const { second } = await twiceWithinASecond(pathname);
      // These locations have no cache at all: nginx reports no status.
      expect(second.headers.get("x-cache-status"), pathname).toBeNull();
    }
  });

  it("an approval is public through the front within 1 s", async () => {
    const marker = `Checked through the front ${tag}`;
    const staff = await loadActor(prisma, `staff-${INSTITUTION}@example.org`);
    const membership = await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } });
    const request = await proposeMembershipUpdate(staff, {
      membershipId,
      baseVersion: membership.version,
      reason: null,
      values: membershipValuesSchema.parse({
        role: membership.role,
        status: membership.status,
        joined: "",
        ended: "",
        notes: marker,
        sourceUrl: "https://example.org/front",
        sourceTitle: "Front check",
        sourceQuote: marker,
      }),
    });
    const pathname = `/en/institutions/${INSTITUTION}`;
    const held = await twiceWithinASecond(pathname);
    expect(held.second.headers.get("x-cache-status")).toBe("HIT");
    expect(held.secondBody).not.toContain(marker);

    browser = await launchBrowser();
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(`${baseUrl()}/en/account/requests/${request.id}`);
    // Keep the front's copy warm while the admin approves, as visitors would.
    let warming = true;
    const warm = (async () => {
      while (warming) await (await get(pathname)).text();
    })();
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by .*: Approved/).waitFor();
    const approvedAt = Date.now();
    warming = false;
    await warm;

    // Every request sent 1 s or more after the approval gets the new content (however long the page takes).
    // Each request's story, for a failure to tell: when it was sent and answered, by the front's copy or not.
    const trace: string[] = [];
    let firstNewAt = Number.POSITIVE_INFINITY;
    while (Date.now() - approvedAt < 3_000) {
      const sent = Date.now() - approvedAt;
      const response = await get(pathname);
      const body = await response.text();
      const fresh = body.includes(marker);
      trace.push(
        `sent ${sent} ms, answered ${Date.now() - approvedAt} ms, ${response.status} ` +
          `${response.headers.get("x-cache-status")}, ${fresh ? "new" : "old"}`,
      );
      if (fresh) firstNewAt = Math.min(firstNewAt, sent);
      else
        expect(sent, `the front served the page as it was before the approval:\n${trace.join("\n")}`).toBeLessThan(
          1_000,
        );
    }
    console.log(`[caching-front] the first request with the approved change was sent ${firstNewAt} ms after it`);
    expect(firstNewAt, trace.join("\n")).toBeLessThanOrEqual(1_000);
  }, 120_000);
});
