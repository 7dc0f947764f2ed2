// Every applied change reaches every cached read that shows it. Each write path runs with the public reads
// cached (tests/support/next-cache.ts keeps them with their tags), its returned tags are expired as the
// server action does (expireTags), and then every public read of every record, the lists and the downloads
// must equal what the database gives: a read left holding the old value is a page that never shows the change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { expireTags } from "@/lib/cache/read-cache";
import { adminUpdateInstitution } from "@/lib/data/admin/institution-edit";
import { approveChangeRequest, rejectChangeRequest } from "@/lib/data/change-requests/decide";
import {
  proposeInstitutionUpdate,
  proposeMembershipCreate,
  proposeMembershipUpdate,
  proposeOrganizationCreate,
} from "@/lib/data/change-requests/propose";
import {
  adminCreateInstitution,
  adminCreateOrganization,
  adminUpdateOrganization,
  getOrganizationProfile,
} from "@/lib/data/admin/records";
import { confirmMembership, recordOrganizationConfirmation } from "@/lib/data/memberships/confirmations";
import { listOrganizations } from "@/lib/data/organizations/list";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { listInstitutions } from "@/lib/data/institutions/list";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { listOrganizationMembers } from "@/lib/data/organizations/members";
import { getPublicHistory } from "@/lib/data/history";
import { getInstitutionNetwork, getOrganizationCharts, getRegistryCharts } from "@/lib/data/organizations/charts";
import { getOpenDataCounts, getOpenDataset } from "@/lib/data/open/datasets";
import { getOpenDatasetSummary } from "@/lib/data/open/dataset-batches";
import { getRegistryOverview } from "@/lib/data/open/overview";
import { sitemapCounts, sitemapRecords } from "@/lib/data/open/sitemap-records";
import { parseInstitutionSearch, parseOrganizationSearch } from "@/lib/validation/search";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { organizationProposalSchema } from "@/lib/validation/organizations";
import { uncached, useDataCache } from "../support/next-cache";
import { loadActor, testPrisma, usePublicationDatabase } from "../support/db";

usePublicationDatabase();

const prisma = testPrisma();
let admin: Actor;
let staff: Actor;
const ORG = "university-alliance-of-the-silk-road";
const INSTITUTION = "publication-check-university";
const NETWORK = "publication-check-network";
const PROPOSED = "publication-check-consortium";

/** Every public read a page, a list, a download or the sitemap makes, by a label naming it. */
async function publicReads(extra: { organizations?: string[]; institutions?: string[] }) {
  const [organizations, institutions] = await Promise.all([
    prisma.organization.findMany({ select: { slug: true } }).then((rows) => rows.map((r) => r.slug)),
    // The registry's own institutions and those with something listed, and a few of the 10,000 the directory alone
    // holds (their pages are all alike; reading each three times would take minutes).
    Promise.all([
      prisma.institution.findMany({
        where: { OR: [{ directoryId: null }, { memberships: { some: {} } }, { founded: { some: {} } }] },
        select: { slug: true },
      }),
      prisma.institution.findMany({
        where: { directoryId: { not: null }, memberships: { none: {} } },
        select: { slug: true },
        orderBy: { slug: "asc" },
        take: 3,
      }),
    ]).then((lists) => lists.flat().map((r) => r.slug)),
  ]);
  const reads: [string, () => Promise<unknown>][] = [
    ["organizations list", () => listOrganizations(parseOrganizationSearch({}).search, "en")],
    ["institutions list", () => listInstitutions(parseInstitutionSearch({}).search, "en")],
    ["home overview", () => getRegistryOverview("en")],
    ["home charts", () => getRegistryCharts()],
    ["data counts", () => getOpenDataCounts()],
    ["dataset summary (the whole-registry downloads' ETag and head)", () => getOpenDatasetSummary()],
    ["sitemap counts", () => sitemapCounts()],
    ["sitemap organizations", () => sitemapRecords("organizations", 0)],
    ["sitemap institutions", () => sitemapRecords("institutions", 0)],
  ];
  for (const slug of new Set([...organizations, ...(extra.organizations ?? [])])) {
    reads.push(
      [`organization ${slug}`, () => getOrganizationBySlug(slug, "en")],
      [`members of ${slug}`, () => listOrganizationMembers(slug, "en", null)],
      [`history of ${slug}`, () => getPublicHistory({ organization: slug }, "en")],
      [`charts of ${slug}`, () => getOrganizationCharts(slug)],
      [`download of ${slug}`, () => getOpenDataset({ kind: "organization", slug })],
    );
  }
  for (const slug of new Set([...institutions, ...(extra.institutions ?? [])])) {
    reads.push(
      [`institution ${slug}`, () => getInstitutionBySlug(slug, "en")],
      [`history of ${slug}`, () => getPublicHistory({ institution: slug }, "en")],
      [`network of ${slug}`, () => getInstitutionNetwork(slug, "en")],
      [`download of ${slug}`, () => getOpenDataset({ kind: "institution", slug })],
    );
  }
  // A read refused for an address that does not exist yet (a download) is compared by its error.
  return reads.map(
    ([label, read]) =>
      [label, () => read().catch((e: unknown) => ({ refused: e instanceof Error ? e.name : String(e) }))] as const,
  );
}

/**
 * Cache every public read, run the write, expire the tags it returns, and name the reads that still hold
 * something other than the database's current state. `extra`: addresses the write creates (a visitor may have
 * asked for them before they existed, and been told there is nothing there).
 */
async function staleAfter(
  write: () => Promise<string[]>,
  extra: { organizations?: string[]; institutions?: string[] } = {},
) {
  useDataCache();
  await inBatches(await publicReads(extra), ([, read]) => read());
  expireTags(await write());
  const reads = await publicReads(extra);
  const shown = await inBatches(reads, async ([, read]) => JSON.stringify(await read()));
  // All past the cache in one go: uncached() switches the cache off for whatever runs meanwhile.
  const current = await uncached(() => inBatches(reads, async ([, read]) => JSON.stringify(await read())));
  return reads.filter((_, i) => shown[i] !== current[i]).map(([label]) => label);
}

async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>, size = 8): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

const values = (over: Record<string, string>) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2020",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/publication",
    sourceTitle: "Check",
    sourceQuote: `The publication check (${Math.random().toString(36).slice(2)})`,
    ...over,
  });
/** The source of a changed profile (required when a value changes). */
const citedProfile = {
  sourceUrl: "https://example.org/publication/profile",
  sourceTitle: null,
  sourceQuote: "Publication Check University (renamed), Hong Kong",
  sourceSeenOn: null,
};
const membership = (organization: string) =>
  prisma.membership.findFirstOrThrow({
    where: { institution: { slug: INSTITUTION }, organization: { slug: organization } },
  });
const institutionVersion = async () =>
  (await prisma.institution.findUniqueOrThrow({ where: { slug: INSTITUTION } })).version;
const approve = async (request: { id: string }) => (await approveChangeRequest(admin, request.id, null)).tags;

beforeAll(async () => {
  admin = await loadActor(prisma, "admin@atlas.test");
});
afterAll(() => prisma.$disconnect());

// Each case reads every public read three times (10 to 25 s on an idle machine): twice the default time limit, so a
// busy machine makes it slow rather than failed.
describe("every applied change reaches every cached read that shows it", { timeout: 90_000 }, () => {
  it("an admin adds an institution: its address, asked for before, shows it", async () => {
    const stale = await staleAfter(
      async () => {
        const r = await adminCreateInstitution(admin, {
          kind: "UNIVERSITY",
          country: "HK",
          values: {
            nameEn: "Publication Check University",
            nameZh: null,
            city: "Hong Kong",
            website: null,
            rorId: null,
            wikidataId: null,
          },
        });
        return r.tags;
      },
      { institutions: [INSTITUTION] },
    );
    // Its staff make the proposals of the tests below.
    const institution = await prisma.institution.findUniqueOrThrow({ where: { slug: INSTITUTION } });
    await prisma.user.create({
      data: {
        email: "staff@publication-check.test",
        name: "Publication Check Staff",
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: institution.id,
      },
    });
    staff = await loadActor(prisma, "staff@publication-check.test");
    expect(stale).toEqual([]);
  });

  it("an approved new membership", async () => {
    expect(
      await staleAfter(async () =>
        approve(await proposeMembershipCreate(staff, { organizationSlug: ORG, reason: null, values: values({}) })),
      ),
    ).toEqual([]);
  });

  it("an approved correction of a membership", async () => {
    const m = await membership(ORG);
    const request = await proposeMembershipUpdate(staff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({ joined: "March 2019", notes: "Corrected" }),
    });
    expect(await staleAfter(() => approve(request))).toEqual([]);
  });

  it("an approved new name of the institution", async () => {
    const request = await proposeInstitutionUpdate(staff, {
      baseVersion: await institutionVersion(),
      reason: null,
      values: {
        nameEn: "Publication Check University (renamed)",
        nameZh: "出版检查大学",
        city: "Hong Kong",
        website: null,
        rorId: null,
        wikidataId: null,
      },
      source: citedProfile,
    });
    expect(await staleAfter(() => approve(request))).toEqual([]);
  });

  it("an admin renames the institution directly", async () => {
    const stale = await staleAfter(async () =>
      adminUpdateInstitution(admin, {
        institutionSlug: INSTITUTION,
        baseVersion: await institutionVersion(),
        values: {
          nameEn: "Publication Check University of Hong Kong",
          nameZh: null,
          city: "Hong Kong",
          website: null,
          rorId: null,
          wikidataId: null,
        },
        source: { ...citedProfile, sourceQuote: "Publication Check University of Hong Kong" },
      }),
    );
    expect(stale).toEqual([]);
  });

  it("an admin adds an organization, and the institution's approved membership in it", async () => {
    const created = await staleAfter(
      async () => {
        const r = await adminCreateOrganization(admin, {
          values: {
            nameEn: "Publication Check Network",
            nameZh: null,
            acronym: "PCN",
            kind: "NETWORK",
            founded: null,
            website: null,
            introduction: null,
            sourceUrl: "https://example.org/pcn",
            sourceTitle: null,
            sourceQuote: null,
          },
        });
        return r.tags;
      },
      { organizations: [NETWORK] },
    );
    expect(created).toEqual([]);
    expect(
      await staleAfter(async () =>
        approve(await proposeMembershipCreate(staff, { organizationSlug: NETWORK, reason: null, values: values({}) })),
      ),
    ).toEqual([]);
  });

  it("an admin renames an organization: its members' pages name it anew", async () => {
    const profile = await getOrganizationProfile(admin, NETWORK);
    expect(
      await staleAfter(() =>
        adminUpdateOrganization(admin, {
          organizationSlug: NETWORK,
          baseVersion: profile.version,
          values: { ...profile.values, nameEn: "Publication Check Network (renamed)" },
        }),
      ),
    ).toEqual([]);
  });

  it("staff confirm an entry as still accurate", async () => {
    const m = await membership(ORG);
    expect(await staleAfter(async () => (await confirmMembership(staff, m.id)).tags)).toEqual([]);
  });

  it("an admin records the organization's own confirmation", async () => {
    const m = await membership(NETWORK);
    const stale = await staleAfter(
      async () =>
        (
          await recordOrganizationConfirmation(admin, {
            membershipId: m.id,
            sourceUrl: "https://example.org/pcn/members",
            sourceTitle: null,
            sourceQuote: "Members",
          })
        ).tags,
    );
    expect(stale).toEqual([]);
  });

  it("an approved new organization proposed by staff, its address asked for before", async () => {
    const proposal = organizationProposalSchema.parse({
      nameEn: "Publication Check Consortium",
      nameZh: "",
      acronym: "",
      kind: "CONSORTIUM",
      founded: "2021",
      website: "",
      introduction: "",
      role: "FOUNDING_MEMBER",
      joined: "2021",
      sourceUrl: "https://example.org/pcc",
      sourceTitle: "",
      sourceQuote: "",
    });
    const request = await proposeOrganizationCreate(staff, { reason: null, values: proposal });
    expect(await staleAfter(() => approve(request), { organizations: [PROPOSED] })).toEqual([]);
  });

  it("an approved end of a membership", async () => {
    const m = await membership(NETWORK);
    const request = await proposeMembershipUpdate(staff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({ status: "WITHDRAWN", ended: "2024" }),
    });
    expect(await staleAfter(() => approve(request))).toEqual([]);
  });

  it("a rejected proposal changes nothing anyone reads", async () => {
    const m = await membership(ORG);
    const request = await proposeMembershipUpdate(staff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({ notes: "Not so" }),
    });
    expect(
      await staleAfter(async () => {
        await rejectChangeRequest(admin, request.id, "No source for this.");
        return [];
      }),
    ).toEqual([]);
  });
});
