// "Fast with 5,000 members": an organization with 5,000 members in the write copy of the database. The
// aggregates come back as a row per country and per year with the right totals, and the rendered pictures
// stay bounded: one circle per country on the map, one bar per period, never an element per member.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { db } from "@/lib/data/db";
import { getInstitutionNetwork, getOrganizationCharts, NETWORK_LIMIT } from "@/lib/data/organizations/charts";
import { refreshOrganizationDerived } from "@/lib/data/organizations/derived";
import { baseMap } from "@/lib/charts/world-map";
import { placeCircles } from "@/components/charts/world-map";
import { WorldMapPicture } from "@/components/charts/world-map-picture";
import { ColumnChart } from "@/components/charts/bar-chart";
import { linkPathData, networkPicture } from "@/lib/charts/network-picture";
import { useWriteDatabase } from "../support/db";

useWriteDatabase();

const MEMBERS = 5000;
const SLUG = "scale-test-alliance";
const PREFIX = "scale-test-member-";

// Countries drawn as shapes and regions drawn as dots alike.
const COUNTRIES = [
  "CN",
  "HK",
  "US",
  "DE",
  "RU",
  "BR",
  "IN",
  "SG",
  "AU",
  "ZA",
  "MO",
  "FR",
  "JP",
  "KR",
  "MX",
  "EG",
  "KE",
  "NZ",
  "CA",
  "AR",
];

function joinedOf(i: number): { joinedOn: string | null; joinedPrecision: "YEAR" | "MONTH" | "DAY" | null } {
  // Every fifth member has no date; the others spread over 30 years at all three precisions.
  const year = 1995 + (Math.floor(i / 5) % 30);
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (i % 5) {
    case 0:
      return { joinedOn: null, joinedPrecision: null };
    case 1:
      return { joinedOn: `${year}-01-01`, joinedPrecision: "YEAR" };
    case 2:
      return { joinedOn: `${year}-${pad(1 + (i % 12))}-01`, joinedPrecision: "MONTH" };
    default:
      return { joinedOn: `${year}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`, joinedPrecision: "DAY" };
  }
}

let organizationId = "";

beforeAll(async () => {
  const prisma = db();
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const organization = await prisma.organization.create({
    data: { slug: SLUG, kind: "NETWORK", names: { create: { locale: "en", name: "Scale Test Alliance" } } },
    select: { id: true },
  });
  organizationId = organization.id;
  // One INSERT per table with a parameter per column (unnest): Prisma's createMany takes ~25 s for these
  // 10,000 rows here, this well under a second.
  const index = Array.from({ length: MEMBERS }, (_, i) => i);
  await prisma.$executeRaw`
    INSERT INTO "Institution" (id, slug, kind, country, "updatedAt")
    SELECT 'st' || i, ${PREFIX} || i, 'UNIVERSITY', c, now()
    FROM unnest(${index}::int[], ${index.map((i) => COUNTRIES[i % COUNTRIES.length]!)}::text[]) AS t(i, c)`;
  const joined = index.map(joinedOf);
  await prisma.$executeRaw`
    INSERT INTO "Membership"
      (id, "institutionId", "organizationId", "sourceId", "joinedOn", "joinedPrecision", "updatedAt")
    SELECT 'sm' || i, 'st' || i, ${organizationId}, ${source.id}, d::date, p::"DatePrecision", now()
    FROM unnest(
      ${index}::int[], ${joined.map((j) => j.joinedOn)}::text[], ${joined.map((j) => j.joinedPrecision)}::text[]
    ) AS t(i, d, p)`;
  await refreshOrganizationDerived(prisma, [organizationId]);
}, 120_000);

afterAll(async () => {
  const prisma = db();
  await prisma.membership.deleteMany({ where: { organizationId } });
  await prisma.organization.deleteMany({ where: { id: organizationId } });
  await prisma.$executeRaw`DELETE FROM "Institution" WHERE slug LIKE ${`${PREFIX}%`}`;
  await prisma.$disconnect();
});

describe("an organization with 5,000 members", () => {
  it("aggregates members per country and joins per year with the right totals", async () => {
    const charts = (await getOrganizationCharts(SLUG))!;
    expect(charts.memberCountries).toHaveLength(COUNTRIES.length);
    expect(charts.memberCountries.reduce((n, c) => n + c.count, 0)).toBe(MEMBERS);
    for (const c of charts.memberCountries) expect(c.count).toBe(MEMBERS / COUNTRIES.length);
    expect(charts.namedOnly).toEqual([]);

    const { timeline } = charts;
    expect(timeline.unknown).toBe(MEMBERS / 5);
    expect(timeline.dated).toBe(MEMBERS - MEMBERS / 5);
    expect(timeline.buckets.map((b) => b.iso)).toEqual(Array.from({ length: 30 }, (_, i) => String(1995 + i)));
    expect(timeline.buckets.every((b) => b.precision === "YEAR")).toBe(true);
    expect(timeline.buckets.at(-1)!.cumulative).toBe(timeline.dated);
    for (const bucket of timeline.buckets) {
      const expected = Array.from({ length: MEMBERS }, (_, i) => joinedOf(i).joinedOn).filter((d) =>
        d?.startsWith(bucket.iso),
      ).length;
      expect(bucket.joined, bucket.iso).toBe(expected);
    }
  });

  it(`renders a map with one circle per country, not per member, over the shared land picture, \
and a bar per year`, async () => {
    const charts = (await getOrganizationCharts(SLUG))!;
    const svg = renderToStaticMarkup(
      createElement(WorldMapPicture, {
        picture: placeCircles(charts.memberCountries, charts.namedOnly, (code: string) => code),
        label: "map",
      }),
    );
    // The land is the one cached picture, never inlined: no path at all in the page's markup.
    expect(svg).not.toContain("<path");
    expect(svg).toContain('href="/maps/world.svg"');
    // Shapes (China, Brazil) and dots (Hong Kong, Singapore, Macao) alike get one circle, at the same size.
    expect(svg.match(/<circle /g)).toHaveLength(COUNTRIES.length);
    expect(svg.match(/data-count="250"/g)).toHaveLength(COUNTRIES.length);
    for (const code of COUNTRIES) {
      const at = baseMap().anchors.get(code)!;
      expect(svg, code).toContain(`cx="${at.x}" cy="${at.y}" r="22"`);
    }
    expect(svg.length).toBeLessThan(6_000);

    const columns = charts.timeline.buckets.map((b) => ({
      key: b.iso,
      label: b.iso,
      value: b.joined,
      running: b.cumulative,
      title: b.iso,
    }));
    const chart = renderToStaticMarkup(createElement(ColumnChart, { columns, label: "timeline", showRunning: true }));
    expect(chart.match(/<rect /g)).toHaveLength(30);
    expect(chart.length).toBeLessThan(20_000);
  });

  it("keeps a member's network to the 30 closest of its 4,999 fellow members", async () => {
    const network = (await getInstitutionNetwork(`${PREFIX}7`, "en"))!;
    expect(network.total).toBe(MEMBERS - 1);
    expect(network.nodes).toHaveLength(NETWORK_LIMIT);
    for (const n of network.nodes) expect(n.shared).toEqual([{ slug: SLUG, name: "Scale Test Alliance" }]);
    // Every pair of shown institutions shares the alliance: a complete graph of 31 nodes.
    expect(network.links).toHaveLength(((NETWORK_LIMIT + 1) * NETWORK_LIMIT) / 2);
    // Sent as two indexes a link, drawn as one path per stroke width: every link shares one alliance, so 465 links
    // are one path.
    const words = { label: String, node: String, shares: String, shown: String, listHeading: "" };
    const picture = networkPicture(network, "en", words);
    expect(picture.links.map(([width, ends]) => [width, ends.length])).toEqual([[1, 2 * network.links.length]]);
    expect(JSON.stringify(picture.links).length).toBeLessThan(network.links.length * 7);
    const paths = linkPathData(picture);
    expect(paths.map(([width]) => width)).toEqual([1]);
    expect(paths[0]![1].match(/M/g)).toHaveLength(network.links.length);
  });
});
