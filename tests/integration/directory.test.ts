// The directory of the world's universities as the seed loads it (prisma/directory/): matched to the registry's own
// institutions, idempotent, covered by search, the type-ahead and the API, and kept out of the sitemap while empty.
import { afterAll, describe, expect, it } from "vitest";
import { useWriteDatabase, testPrisma } from "../support/db";

useWriteDatabase();

const { db } = await import("@/lib/data/db");
const { listInstitutions } = await import("@/lib/data/institutions/list");
const { getInstitutionBySlug } = await import("@/lib/data/institutions/profile");
const { suggest } = await import("@/lib/data/search/suggest");
const { listApiInstitutions } = await import("@/lib/data/open/api");
const { sitemapCounts, sitemapRecords } = await import("@/lib/data/open/sitemap-records");
const { loadDirectory, DIRECTORY_SOURCE } = await import("@/prisma/directory/load");
const { buildDirectory, readDirectoryList } = await import("@/prisma/directory/entries");
const { institutionSearch } = await import("../support/search");
const { apiInstitutionQuerySchema } = await import("@/lib/validation/api");

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const { list, corrections } = readDirectoryList();
const records = buildDirectory(list, corrections);

describe("the directory as the seed loaded it", () => {
  it("holds every record once, the registry's own institutions among them under their own slugs", async () => {
    expect(await prisma.institution.count({ where: { directoryId: { not: null } } })).toBe(records.length);
    const nmu = await prisma.institution.findMany({
      where: { names: { some: { name: { equals: "Nanjing Medical University", mode: "insensitive" } } } },
      select: { slug: true, emailDomains: true },
    });
    expect(nmu).toEqual([{ slug: "nanjing-medical-university", emailDomains: ["njmu.edu.cn"] }]);
    const cuhk = await prisma.institution.findMany({
      where: { names: { some: { name: { startsWith: "The Chinese University of Hong Kong" } } } },
      select: { slug: true, country: true, emailDomains: true, nonStaffDomains: true },
      orderBy: { slug: "asc" },
    });
    expect(cuhk).toEqual([
      {
        slug: "chinese-university-of-hong-kong",
        country: "HK",
        emailDomains: ["cuhk.edu.hk"],
        nonStaffDomains: ["link.cuhk.edu.hk"],
      },
      {
        slug: "chinese-university-of-hong-kong-shenzhen",
        country: "CN",
        emailDomains: ["cuhk.edu.cn"],
        nonStaffDomains: [],
      },
    ]);
  });

  it("keeps the registry's own facts: its Chinese name, its source for the name, its kind", async () => {
    const xjtu = await prisma.institution.findUniqueOrThrow({
      where: { slug: "xian-jiaotong-university" },
      select: {
        emailDomains: true,
        source: { select: { key: true } },
        names: { select: { name: true, locale: true } },
      },
    });
    expect(xjtu.emailDomains).toEqual(["xjtu.edu.cn"]);
    expect(xjtu.source?.key).not.toBe(DIRECTORY_SOURCE.key);
    expect(xjtu.names).toContainEqual({ locale: "zh", name: "西安交通大学" });
  });

  it("adds the directory's name to a registry institution as another name when it differs", async () => {
    const wenzhou = await prisma.institution.findUniqueOrThrow({
      where: { slug: "wenzhou-medical-university" },
      select: { names: { select: { name: true, kind: true } } },
    });
    expect(wenzhou.names).toContainEqual({ name: "Wenzhou Medical College", kind: "ALTERNATE" });
  });

  it("loads again without adding or changing anything", async () => {
    const before = await prisma.institution.count();
    const names = await prisma.institutionName.count();
    expect(await loadDirectory(prisma)).toEqual({ added: 0, matched: 0, alreadyLoaded: records.length });
    expect(await prisma.institution.count()).toBe(before);
    expect(await prisma.institutionName.count()).toBe(names);
  });
});

describe("the directory in search, the type-ahead and the API", () => {
  it("institution search finds a directory university, and the registry's own once", async () => {
    const sz = await listInstitutions(institutionSearch({ q: "Chinese University of Hong Kong Shenzhen" }), "en");
    expect(sz.items.map((i) => i.slug)).toContain("chinese-university-of-hong-kong-shenzhen");
    const xjtu = await listInstitutions(institutionSearch({ q: "Xi'an Jiaotong University" }), "en");
    expect(xjtu.items.filter((i) => i.name === "Xi'an Jiaotong University").map((i) => i.slug)).toEqual([
      "xian-jiaotong-university",
    ]);
  });

  it("the country facet counts the directory", async () => {
    const all = await listInstitutions(institutionSearch({}), "en");
    expect(all.total).toBe(await prisma.institution.count());
    const norway = all.facets.country.find((f) => f.value === "NO");
    expect(norway?.count).toBe(await prisma.institution.count({ where: { country: "NO" } }));
    expect(norway?.count).toBeGreaterThan(0);
  });

  it("the type-ahead suggests a directory university", async () => {
    const items = await suggest({ q: "Keio", types: ["institution"], locale: "en", limit: 5 });
    expect(items.map((i) => i.slug)).toContain("keio-university");
  });

  it("the API lists a directory university with its website", async () => {
    const page = await listApiInstitutions(apiInstitutionQuerySchema.parse({ q: "Keio", limit: "50" }));
    const keio = page.data.find((i) => i.slug === "keio-university");
    expect(keio).toMatchObject({ country: "JP", website: "https://www.keio.ac.jp/" });
  });
});

describe("an institution the registry knows only from the directory", () => {
  it("has a profile that says nothing is listed yet", async () => {
    const sz = await getInstitutionBySlug("chinese-university-of-hong-kong-shenzhen", "en");
    expect(sz).toMatchObject({ listed: false, inDirectory: true, emailDomains: ["cuhk.edu.cn"], participations: [] });
    const nmu = await getInstitutionBySlug("nanjing-medical-university", "en");
    expect(nmu?.listed).toBe(true);
  });

  it("is listed once it has a membership or a person, and no longer when they go, whoever writes", async () => {
    // The column is the database's (triggers): written here with plain SQL and Prisma, as an importer would.
    const listedNow = async () =>
      (await prisma.institution.findUniqueOrThrow({ where: { slug: "keio-university" } })).listed;
    const keio = await prisma.institution.findUniqueOrThrow({ where: { slug: "keio-university" } });
    const organization = await prisma.organization.findFirstOrThrow({ orderBy: { slug: "asc" } });
    const source = await prisma.source.findFirstOrThrow({ where: { key: DIRECTORY_SOURCE.key } });
    expect(await listedNow()).toBe(false);
    const membership = await prisma.membership.create({
      data: { institutionId: keio.id, organizationId: organization.id, sourceId: source.id },
    });
    expect(await listedNow()).toBe(true);
    // Moved to another institution (a merge does this): that one is listed, this one no longer; moved back.
    const other = await prisma.institution.findFirstOrThrow({
      where: { listed: false, slug: { not: "keio-university" } },
      orderBy: { slug: "asc" },
    });
    await prisma.membership.update({ where: { id: membership.id }, data: { institutionId: other.id } });
    expect(await listedNow()).toBe(false);
    expect((await prisma.institution.findUniqueOrThrow({ where: { id: other.id } })).listed).toBe(true);
    await prisma.membership.update({ where: { id: membership.id }, data: { institutionId: keio.id } });
    expect((await prisma.institution.findUniqueOrThrow({ where: { id: other.id } })).listed).toBe(false);
    // An edit that moves nothing changes nothing.
    await prisma.membership.update({ where: { id: membership.id }, data: { notes: "edited" } });
    expect(await listedNow()).toBe(true);
    const person = await prisma.organizationPerson.create({
      data: {
        organizationId: organization.id,
        name: "A person",
        role: "Chair",
        institutionId: keio.id,
        sourceId: source.id,
      },
    });
    await prisma.membership.delete({ where: { id: membership.id } });
    expect(await listedNow()).toBe(true); // the person still names it
    await prisma.$executeRaw`DELETE FROM "OrganizationPerson" WHERE id = ${person.id}`;
    expect(await listedNow()).toBe(false);
    // A registry record (no directory entry) is listed whatever it holds.
    expect((await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } })).listed).toBe(
      true,
    );
  });

  it("is left out of the sitemap, which still lists every institution with something listed", async () => {
    const counts = await sitemapCounts();
    // Counted here from the rule itself, not from the column the triggers keep.
    const listed = await prisma.institution.count({
      where: {
        OR: [{ directoryId: null }, { memberships: { some: {} } }, { founded: { some: {} } }, { people: { some: {} } }],
      },
    });
    expect(counts.institutions).toBe(listed);
    expect(listed).toBeLessThan(100);
    const paths = (await sitemapRecords("institutions", 0)).map((r) => r.path);
    expect(paths).toContain("/institutions/nanjing-medical-university");
    expect(paths).not.toContain("/institutions/chinese-university-of-hong-kong-shenzhen");
  });
});
