// A membership's several periods (left, then rejoined), on records of this file's own: proposed by the
// university's staff, shown to the reviewer as a field, applied with the audit row, public in the API, the pages
// and the changes stream; wrong periods and another university's staff refused with nothing changed; and a
// rejoining proposal that keeps the ended period instead of overwriting it.
import { randomBytes } from "node:crypto";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const { approveChangeRequest } = await import("@/lib/data/change-requests/decide");
const { proposeMembershipUpdate } = await import("@/lib/data/change-requests/propose");
const { getChangeRequest } = await import("@/lib/data/change-requests/queries");
const { listApiMemberships } = await import("@/lib/data/open/api");
const { listRecentPublicChanges } = await import("@/lib/data/open/changes");
const { getInstitutionBySlug } = await import("@/lib/data/institutions/profile");
const { renderExport, renderQuickStatements } = await import("@/lib/open-data/formats");
const { loadOpenDataset } = await import("@/lib/data/open/datasets");
const { membershipUpdateValuesSchema } = await import("@/lib/validation/memberships");
const { NotFoundError, ValidationError } = await import("@/lib/shared/errors");
const { db } = await import("@/lib/data/db");
const { openApiDocument } = await import("@/lib/open-data/openapi/document");
const { matchAffiliation } = await import("@/lib/data/open/match");

const prisma = testPrisma();
const tag = randomBytes(4).toString("hex");
const UNIVERSITY = `periods-university-${tag}`;
const OTHER = `periods-other-${tag}`;
const ACTIVE = `periods-alliance-${tag}`;
const ENDED = `periods-network-${tag}`;
const BAD = `periods-consortium-${tag}`;
let admin: Actor;
let staff: Actor;
let otherStaff: Actor;

async function institution(slug: string, name: string) {
  return prisma.institution.create({
    data: { slug, kind: "UNIVERSITY", country: "DE", names: { create: [{ locale: "en", name, kind: "OFFICIAL" }] } },
  });
}

beforeAll(async () => {
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const [mine, other] = await Promise.all([
    institution(UNIVERSITY, `Periods Test University ${tag}`),
    institution(OTHER, `Periods Other University ${tag}`),
  ]);
  const memberships: [string, Record<string, unknown>][] = [
    [ACTIVE, { joinedOn: new Date("2010-01-01T00:00:00Z"), joinedPrecision: "YEAR" }],
    [BAD, { joinedOn: new Date("2010-01-01T00:00:00Z"), joinedPrecision: "YEAR" }],
    [
      ENDED,
      {
        status: "WITHDRAWN",
        joinedOn: new Date("2005-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        endedOn: new Date("2012-06-01T00:00:00Z"),
        endedPrecision: "MONTH",
      },
    ],
  ];
  for (const [slug, dates] of memberships) {
    const organization = await prisma.organization.create({
      data: {
        slug,
        kind: "ALLIANCE",
        wikidataId: `Q9${parseInt(tag, 16) % 1000000}${memberships.findIndex(([s]) => s === slug)}`,
        names: { create: [{ locale: "en", name: `Periods ${slug}` }] },
      },
    });
    await prisma.membership.create({
      data: { institutionId: mine.id, organizationId: organization.id, role: "MEMBER", sourceId: source.id, ...dates },
    });
  }
  await prisma.institution.update({ where: { id: mine.id }, data: { wikidataId: `Q8${parseInt(tag, 16) % 1000000}` } });
  const email = `staff-${UNIVERSITY}@example.org`;
  const otherEmail = `staff-${OTHER}@example.org`;
  await prisma.user.createMany({
    data: [
      { email, name: "Periods Staff", role: "STAFF", staffRole: "MANAGER", institutionId: mine.id },
      { email: otherEmail, name: "Other Staff", role: "STAFF", staffRole: "MANAGER", institutionId: other.id },
    ],
  });
  [admin, staff, otherStaff] = await Promise.all([
    loadActor(prisma, "admin@atlas.test"),
    loadActor(prisma, email),
    loadActor(prisma, otherEmail),
  ]);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

async function membershipOf(organization: string) {
  return prisma.membership.findFirstOrThrow({
    where: { institution: { slug: UNIVERSITY }, organization: { slug: organization } },
    select: { id: true, version: true, periods: { select: { id: true } } },
  });
}

const values = (over: Record<string, string>) =>
  membershipUpdateValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2010",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/our-history",
    sourceTitle: "Our history",
    sourceQuote: `We were members from 2001 to 2004 (${Math.random().toString(36).slice(2)})`,
    ...over,
  });

/** What nothing-changed means: the membership's version and periods, and no request made for it. */
async function stateOf(organization: string) {
  const m = await membershipOf(organization);
  const requests = await prisma.changeRequest.count({ where: { membershipId: m.id } });
  return { ...m, requests };
}

async function apiMembership(organization: string) {
  const page = await listApiMemberships({ institution: UNIVERSITY, organization, limit: 10 } as never);
  expect(page.data).toHaveLength(1);
  return page.data[0]!;
}

describe("earlier periods through a change request", () => {
  it("proposed by the university's staff, shown to the reviewer, approved: public with their source", async () => {
    const m = await membershipOf(ACTIVE);
    const request = await proposeMembershipUpdate(staff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: "We left once",
      values: values({ formerPeriods: "2001 – 2004-03" }),
    });
    const review = await getChangeRequest(admin, request.id, "en");
    const field = review.diff.find((d) => d.field === "formerPeriods");
    expect(field).toMatchObject({
      changed: true,
      before: null,
      after: [{ joined: { iso: "2001", precision: "YEAR" }, ended: { iso: "2004-03", precision: "MONTH" } }],
    });
    // Nothing public before the approval.
    expect((await apiMembership(ACTIVE)).periods).toHaveLength(1);

    await approveChangeRequest(admin, request.id, null);
    const api = await apiMembership(ACTIVE);
    expect(api.periods).toEqual([
      {
        joined: { iso: "2001", precision: "YEAR" },
        ended: { iso: "2004-03", precision: "MONTH" },
        current: false,
        source: expect.objectContaining({ title: "Our history", url: "https://example.org/our-history" }),
      },
      { joined: { iso: "2010", precision: "YEAR" }, ended: null, current: true, source: expect.any(Object) },
    ]);
    // The audit row of the same approval keeps them, and the changes stream shows them.
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { changeRequestId: request.id, action: "membership.update" },
      select: { before: true, after: true },
    });
    expect((audit.after as { formerPeriods?: unknown[] }).formerPeriods).toHaveLength(1);
    expect((audit.before as { formerPeriods?: unknown[] }).formerPeriods).toBeUndefined();
    const changes = await listRecentPublicChanges({ institution: UNIVERSITY, limit: 10 });
    const change = changes.find((c) => c.event === "membership.update" && c.record.type === "membership");
    expect(change?.after).toMatchObject({
      formerPeriods: [{ joined: { iso: "2001" }, ended: { iso: "2004-03" } }],
    });
    // The institution's page reads every period.
    const page = await getInstitutionBySlug(UNIVERSITY, "en");
    const row = page!.participations.find((p) => p.organization.slug === ACTIVE)!;
    expect(row.formerPeriods).toEqual([
      { joined: { iso: "2001", precision: "YEAR" }, ended: { iso: "2004-03", precision: "MONTH" } },
    ]);
    expect(row.joined).toEqual({ iso: "2010", precision: "YEAR" });
  });

  it("one QuickStatements statement per period, each with its reference", async () => {
    const qs = renderQuickStatements(await loadOpenDataset({ kind: "institution", slug: UNIVERSITY }));
    const lines = qs.split("\n").filter((l) => l.includes("P463") && l.includes("period"));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`\|P580\|\+2001-00-00T00:00:00Z/9\|P582\|\+2004-03-00T00:00:00Z/10\|` +
            String.raw`S854\|"https://example\.org/our-history" /\* Alliance Atlas: period 1 of 2 \*/$`,
        ),
      ),
      expect.stringMatching(/\|P580\|\+2010-00-00T00:00:00Z\/9.* \/\* Alliance Atlas: period 2 of 2 \*\/$/),
    ]);
  });

  it("refuses overlapping, out-of-order and future periods beside the field, with nothing changed", async () => {
    const before = await stateOf(BAD);
    const attempts = [
      "2001 – 2005\n2004 – 2008", // overlapping
      "2006 – 2008\n2001 – 2004", // out of order
      "2001 – 2011", // ends after the current period began (2010)
    ];
    for (const formerPeriods of attempts) {
      const error = await proposeMembershipUpdate(staff, {
        membershipId: before.id,
        baseVersion: before.version,
        reason: null,
        values: { ...values({}), formerPeriods: membershipUpdateValuesSchema.shape.formerPeriods.parse(formerPeriods) },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as InstanceType<typeof ValidationError>).fieldErrors ?? {})).toEqual([
        "values.formerPeriods",
      ]);
    }
    // A future date never reaches the data layer: the form's schema refuses it.
    const future = membershipUpdateValuesSchema.safeParse({ ...rawValues(), formerPeriods: "2001 – 2999" });
    expect(future.success).toBe(false);
    expect(future.error?.issues[0]?.path).toEqual(["formerPeriods"]);
    expect(await stateOf(BAD)).toEqual(before);
  });

  it("refuses another university's staff, with nothing changed", async () => {
    const before = await stateOf(BAD);
    await expect(
      proposeMembershipUpdate(otherStaff, {
        membershipId: before.id,
        baseVersion: before.version,
        reason: null,
        values: values({ formerPeriods: "2001 – 2004" }),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await stateOf(BAD)).toEqual(before);
  });
});

function rawValues() {
  return {
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2010",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/x",
    sourceTitle: "x",
    sourceQuote: "x",
  };
}

describe("left, then rejoined", () => {
  it("a new joined date after the end keeps the ended period rather than overwriting it", async () => {
    const m = await membershipOf(ENDED);
    // What the form sends: the new joined date, the end cleared, the status active, the earlier periods blank.
    const request = await proposeMembershipUpdate(staff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: "We rejoined",
      values: values({ joined: "2019-09", ended: "", status: "ACTIVE", formerPeriods: "" }),
    });
    const review = await getChangeRequest(admin, request.id, "en");
    expect(review.diff.find((d) => d.field === "formerPeriods")).toMatchObject({
      changed: true,
      after: [{ joined: { iso: "2005", precision: "YEAR" }, ended: { iso: "2012-06", precision: "MONTH" } }],
    });
    await approveChangeRequest(admin, request.id, null);
    const api = await apiMembership(ENDED);
    expect(api.status).toBe("ACTIVE");
    expect(
      api.periods.map((p: (typeof api.periods)[number]) => [p.joined?.iso ?? null, p.ended?.iso ?? null, p.current]),
    ).toEqual([
      ["2005", "2012-06", false],
      ["2019-09", null, true],
    ]);
  });

  it("the API's memberships with several periods are what the OpenAPI document describes", async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(openApiDocument as unknown as object, "openapi");
    const validate = ajv.getSchema("openapi#/components/schemas/Membership")!;
    const page = await listApiMemberships({ institution: UNIVERSITY, limit: 10 } as never);
    expect(page.data.filter((m) => m.periods.length > 1)).toHaveLength(2);
    for (const m of page.data) expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
    // A period that breaks the document is caught: the check can fail.
    expect(validate({ ...page.data[0], periods: [{ joined: "2005", ended: null, current: true, source: null }] })).toBe(
      false,
    );
  });

  it("affiliation matching on a date finds the membership during an earlier period, not between periods", async () => {
    const on = async (day: string) => {
      const answer = await matchAffiliation(`Periods Test University ${tag}`, day);
      const mine = answer.items.find((i) => i.record.slug === UNIVERSITY);
      expect(mine).toBeDefined();
      return (mine!.record.memberships ?? []).map((m) => [m.organization.slug, m.joined?.iso, m.ended?.iso ?? null]);
    };
    // 2008: in the network's first period (2005 – June 2012); the alliance's first ended in March 2004.
    expect(await on("2008-05-01")).toEqual([[ENDED, "2005", "2012-06"]]);
    // 2003: in the alliance's first period (2001 – March 2004); 2015: between the network's two periods.
    expect((await on("2003-05-01")).find(([slug]) => slug === ACTIVE)).toEqual([ACTIVE, "2001", "2004-03"]);
    expect((await on("2015-05-01")).map(([slug]) => slug)).toEqual(expect.arrayContaining([ACTIVE, BAD]));
    expect((await on("2015-05-01")).map(([slug]) => slug)).not.toContain(ENDED);
    expect((await on("2020-05-01")).find(([slug]) => slug === ENDED)).toEqual([ENDED, "2019-09", null]);
  });

  it("the dataset's JSON-LD gives one OrganizationRole per period", async () => {
    const d = await loadOpenDataset({ kind: "institution", slug: UNIVERSITY });
    const doc = JSON.parse(renderExport(d, "dataset", "jsonld", "https://atlas.example")!) as {
      "@graph": { memberOf?: { startDate?: string; endDate?: string; memberOf: { "@id": string } }[] }[];
    };
    const roles = doc["@graph"].flatMap((n) => n.memberOf ?? []).filter((r) => r.memberOf["@id"].includes(ENDED));
    expect(roles.map((r) => [r.startDate, r.endDate ?? null])).toEqual([
      ["2005", "2012-06"],
      ["2019-09", null],
    ]);
  });
});
