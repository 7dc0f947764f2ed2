// The Atom feeds and the changes stream from the running portal: two changes written as the portal writes them,
// then read back through /api/v1/changes and through each feed by a real feed reader (Debian's python3-feedparser).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { baseUrl, url } from "../support/browser";
import { feedparser } from "../support/validators";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const NMU = "nanjing-medical-university";
const BRIMEA = "belt-and-road-international-medical-education-alliance";
const marker = `feed-${Date.now()}`;
const written: { id: string; at: Date; slug: string; kind: "organizations" | "institutions" }[] = [];

/** An applied profile change's audit row (the shape lib/data writes), about an existing record. */
async function writeChange(kind: "organizations" | "institutions", slug: string, after: Record<string, unknown>) {
  const record =
    kind === "organizations"
      ? await prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true, website: true } })
      : await prisma.institution.findUniqueOrThrow({ where: { slug }, select: { id: true, website: true } });
  const event = kind === "organizations" ? "organization.update" : "institution.update";
  const rows = await prisma.$queryRaw<{ id: string; at: Date }[]>`
    INSERT INTO "AuditEvent" (action, "entityType", "entityId", "actorId", before, after)
    VALUES (${event}, ${kind === "organizations" ? "Organization" : "Institution"}, ${record.id}, 'someone',
      ${JSON.stringify({ website: record.website })}::jsonb, ${JSON.stringify(after)}::jsonb)
    RETURNING id::text AS id, at`;
  written.push({ ...rows[0]!, slug, kind });
}

beforeAll(async () => {
  await writeChange("organizations", BRIMEA, {
    website: `https://example.org/${marker}`,
    sources: { website: { sourceUrl: "https://example.org/news", sourceTitle: "News & notes", sourceQuote: "<new>" } },
  });
  await writeChange("institutions", NMU, { website: `https://example.edu/${marker}`, email: "hidden@njmu.test" });
});
afterAll(() => prisma.$disconnect());

async function fetchFeed(path: string) {
  const res = await fetch(url(path));
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  expect(res.headers.get("etag")).toMatch(/^"/);
  expect(res.headers.get("cache-control")).toContain("must-revalidate");
  const xml = await res.text();
  const feed = feedparser(xml);
  expect(feed.bozoException).toBeNull();
  expect(feed.bozo).toBe(0);
  expect(feed.version).toBe("atom10");
  return { feed, xml };
}

const entryId = (id: string) => `tag:${new URL(baseUrl()).hostname},2026:changes/${id}`;

describe.concurrent("changes and feeds", () => {
  it(`/api/v1/changes gives both changes in order with their public fields only, and a cursor to poll \
from`, async () => {
    const ids = written.map((w) => w.id);
    let next = "/api/v1/changes?limit=100";
    const seen: { id: string; record: { slug: string }; after: Record<string, unknown> | null }[] = [];
    const deadline = Date.now() + 30_000;
    while (!ids.every((id) => seen.some((c) => c.id === id)) && Date.now() < deadline) {
      const res = await fetch(url(next));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: typeof seen; page: { nextCursor: string }; links: { next: string } };
      seen.push(...body.data);
      expect(body.links.next).toContain(`since=${encodeURIComponent(body.page.nextCursor)}`);
      next = body.links.next;
    }
    const ours = seen.filter((c) => ids.includes(c.id));
    expect(ours.map((c) => c.id)).toEqual(ids);
    expect(ours[1]!.after).toEqual({ website: `https://example.edu/${marker}` });
    expect(JSON.stringify(seen)).not.toContain("hidden@njmu.test");
  });

  it("every change: a valid Atom feed whose entries carry stable ids, links, times and what changed", async () => {
    const { feed } = await fetchFeed("/feeds/changes.atom");
    expect(feed.feed.id).toBe(`tag:${new URL(baseUrl()).hostname},2026:changes`);
    expect(feed.feed.links.find((l) => l.rel === "self")?.href).toBe(url("/feeds/changes.atom"));
    for (const w of written) {
      const entry = feed.entries.find((e) => e.id === entryId(w.id));
      expect(entry, w.id).toBeDefined();
      expect(entry!.link).toBe(url(`/en/${w.kind}/${w.slug}`));
      expect(entry!.updated).toBe(Math.floor(w.at.getTime() / 1000));
      expect(entry!.title).toMatch(/profile updated \(website\)$/);
      expect(entry!.summary).toContain(marker);
    }
    const organization = feed.entries.find((e) => e.id === entryId(written[0]!.id))!;
    expect(organization.summary).toContain("Source: News & notes, https://example.org/news — “<new>”");
    expect(JSON.stringify(feed)).not.toContain("hidden@njmu.test");
  });

  it("one organization's feed and one institution's each hold their own change, not the other's", async () => {
    const [org, inst] = written;
    const { feed: orgFeed } = await fetchFeed(`/feeds/organizations/${BRIMEA}.atom`);
    const { feed: instFeed } = await fetchFeed(`/feeds/institutions/${NMU}.atom`);
    expect(orgFeed.entries.map((e) => e.id)).toContain(entryId(org!.id));
    expect(orgFeed.entries.map((e) => e.id)).not.toContain(entryId(inst!.id));
    expect(instFeed.entries.map((e) => e.id)).toContain(entryId(inst!.id));
    expect(instFeed.entries.map((e) => e.id)).not.toContain(entryId(org!.id));
    expect(orgFeed.feed.title).toMatch(/^Alliance Atlas: changes to /);
    expect(orgFeed.feed.links.find((l) => l.rel === "alternate")?.href).toBe(url(`/en/organizations/${BRIMEA}`));
  });

  it("an unknown record's feed, or a file that is no feed, is a 404", async () => {
    for (const path of [
      "/feeds/organizations/no-such-organization.atom",
      "/feeds/institutions/no-such-institution.atom",
      `/feeds/organizations/${BRIMEA}.rss`,
    ]) {
      const res = await fetch(url(path));
      expect(res.status, path).toBe(404);
    }
  });

  it("the pages announce their feeds: the organization, the institution and the open-data page", async () => {
    for (const [page, feed] of [
      [`/en/organizations/${BRIMEA}`, `/feeds/organizations/${BRIMEA}.atom`],
      [`/zh/institutions/${NMU}`, `/feeds/institutions/${NMU}.atom`],
      ["/en/data", "/feeds/changes.atom"],
    ] as const) {
      const html = await (await fetch(url(page))).text();
      const link = html.match(/<link[^>]*type="application\/atom\+xml"[^>]*>/)?.[0] ?? "";
      expect(link, page).toContain('rel="alternate"');
      expect(link, page).toContain(`href="${url(feed)}"`);
      expect(link, page).toMatch(/title="[^"]+"/);
    }
  });
});
