// The one type-ahead (lib/data/search/suggest.ts, GET /api/v1/suggest) on the seed: every name in every
// language, acronyms, former names, typos, punctuation folded away, ranked; and the endpoint's contract.
import { afterAll, describe, expect, it } from "vitest";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const { suggest, suggestRanked, resolveOrganizationChoice } = await import("@/lib/data/search/suggest");
const { GET } = await import("@/app/api/v1/suggest/route");
const { ValidationError } = await import("@/lib/shared/errors");
const { db, suggestDb } = await import("@/lib/data/db");
const { suggestQuery } = await import("@/lib/data/search/suggest-sql");
const { actions, runDefinition } = await loadActions();

const prisma = testPrisma();
const EPU = "eurasia-pacific-uninet";
const PABSC = "pan-asian-biomedical-science-consortium";
const CUHK = "chinese-university-of-hong-kong";
const NMU = "nanjing-medical-university";

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
  await suggestDb().$disconnect();
});

const slugs = (items: { slug: string }[]) => items.map((i) => i.slug);

describe("suggest()", () => {
  it("finds a hyphenated name typed with a space, as an exact official match first", async () => {
    const items = await suggest({ q: "Eurasia Pacific Uninet", locale: "en", limit: 8 });
    expect(items[0]).toEqual({
      type: "organization",
      slug: EPU,
      name: "Eurasia-Pacific Uninet",
      matched: "Eurasia-Pacific Uninet",
      matchedKind: "official",
      acronym: "EPU",
      country: null,
      countryName: null,
      kind: "NETWORK",
      url: `/en/organizations/${EPU}`,
    });
    expect(slugs(await suggest({ q: "eurasia pacific", locale: "en", limit: 8 }))[0]).toBe(EPU);
  });

  it("says when the acronym matched, in any case", async () => {
    const [first] = await suggest({ q: "epu", locale: "en", limit: 8 });
    expect(first).toMatchObject({ slug: EPU, matched: "EPU", matchedKind: "acronym" });
  });

  it("finds the Chinese name and shows the name of the asked language", async () => {
    const [zh] = await suggest({ q: "欧亚太平洋", locale: "zh", limit: 8 });
    expect(zh).toMatchObject({ slug: EPU, matched: "欧亚太平洋学术协会", name: "欧亚太平洋学术协会" });
    expect(zh?.url).toBe(`/zh/organizations/${EPU}`);
    const [en] = await suggest({ q: "欧亚太平洋学术协会", locale: "en", limit: 8 });
    expect(en).toMatchObject({ slug: EPU, name: "Eurasia-Pacific Uninet", matchedKind: "official" });
  });

  it("finds a former name and says it is one", async () => {
    const [first] = await suggest({ q: "ASIA-International Biomedical", locale: "en", limit: 8 });
    expect(first).toMatchObject({
      slug: PABSC,
      name: "Pan-Asian Biomedical Science Consortium",
      matched: "ASIA-International Biomedical Science Consortium",
      matchedKind: "former",
    });
  });

  it("forgives a typo, ranked below every exact kind of match", async () => {
    const typo = await suggestRanked({ q: "Eurasai Pacific", locale: "en", limit: 8 });
    expect(typo[0]).toMatchObject({ slug: EPU, tier: 4 });
  });

  it("finds institutions by name and by their short name", async () => {
    const nanjing = await suggest({ q: "Nanjing", types: ["institution"], locale: "en", limit: 8 });
    expect(nanjing[0]).toMatchObject({ type: "institution", slug: NMU, country: "CN", kind: "UNIVERSITY" });
    const cuhk = await suggestRanked({ q: "CUHK", locale: "en", limit: 8 });
    expect(cuhk[0]).toMatchObject({ type: "institution", slug: CUHK, matched: "CUHK", tier: 0, country: "HK" });
    expect(cuhk[0]?.matchedKind).toBe("alternate");
    // The organization with CUHK in its name comes after the exact match, as a word of its name.
    expect(cuhk.find((i) => i.slug === "mou-cuhk-ningxia-medical-university")?.tier).toBe(2);
  });

  it("ranks exact > prefix > word prefix > substring, ties by name", async () => {
    const ranked = await suggestRanked({ q: "alliance", types: ["organization"], locale: "en", limit: 20 });
    const tiers = ranked.map((i) => i.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers[0]).toBe(1);
    expect(tiers).toContain(2);
    const prefixNames = ranked.filter((i) => i.tier === 1).map((i) => i.name);
    expect(prefixNames).toEqual([...prefixNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("keeps to the type asked for and to the limit", async () => {
    const orgs = await suggest({ q: "medical", types: ["organization"], locale: "en", limit: 20 });
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((i) => i.type === "organization")).toBe(true);
    const both = await suggest({ q: "medical", locale: "en", limit: 20 });
    expect(both.some((i) => i.type === "institution")).toBe(true);
    expect(await suggest({ q: "medical", locale: "en", limit: 2 })).toHaveLength(2);
  });

  it("answers nothing for text that is only punctuation, and treats LIKE wildcards as text", async () => {
    expect(await suggest({ q: "--- !", locale: "en", limit: 8 })).toEqual([]);
    expect(await suggest({ q: "%%%", locale: "en", limit: 8 })).toEqual([]);
    expect(await suggest({ q: "_", locale: "en", limit: 8 })).toEqual([]);
  });

  it("finds a name added later at once (no copy to refresh)", async () => {
    const org = await prisma.organization.findUniqueOrThrow({
      where: { slug: "university-alliance-of-the-silk-road" },
    });
    await prisma.organizationName.create({
      data: { organizationId: org.id, locale: "en", name: "Silk Road Universities' League", kind: "FORMER" },
    });
    const [first] = await suggest({ q: "silk road universities league", locale: "en", limit: 8 });
    expect(first).toMatchObject({ slug: org.slug, matchedKind: "former", matched: "Silk Road Universities' League" });
  });
});

// The type-ahead runs on a pool of its own whose statements are prepared once and planned once for every value
// (suggestDb): planning them for each set of values took 85 % of their time at the database.
describe("the type-ahead's pool: prepared statements on generic plans", () => {
  it("prepares its statement once per connection and never plans it for the values", async () => {
    for (const q of ["nanjing", "nanjing medical", "university of hong"]) await suggest({ q, locale: "en", limit: 8 });
    // Calls one after another use one connection (the pool hands back the last one freed): this query runs there.
    const prepared = await suggestDb().$queryRaw<{ statement: string; generic: bigint; custom: bigint }[]>`
      SELECT statement, generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements`;
    // Each shape of the statement (types, language, query length) is prepared once; the three calls share one.
    const search = prepared.filter((p) => p.statement.includes("WITH best"));
    expect(search.some((p) => Number(p.generic) >= 3)).toBe(true);
    expect(prepared.map((p) => Number(p.custom))).toEqual(prepared.map(() => 0));
  });

  it("keeps the first names of a long prefix range in the B-tree's order", async () => {
    // The directory holds hundreds of "University …" names; the prefix branch keeps 60 per source.
    const items = await suggestRanked({ q: "university", types: ["institution"], locale: "en", limit: 8 });
    const first = await prisma.$queryRaw<{ f: string }[]>`
      SELECT atlas_fold(name) AS f FROM "InstitutionName"
      WHERE atlas_fold(name) ~>=~ 'university' AND atlas_fold(name) ~<~ 'universitz'
        AND atlas_fold(name) <> 'university'
      ORDER BY 1 USING ~<~ LIMIT 60`;
    expect(first).toHaveLength(60);
    const kept = new Set(first.map((r) => r.f));
    const matched = await prisma.$queryRaw<{ f: string }[]>`
      SELECT atlas_fold(m) AS f FROM unnest(${items.map((i) => i.matched)}::text[]) m`;
    expect(items.map((i) => i.tier)).toEqual(items.map(() => 1));
    expect(matched.filter((m) => !kept.has(m.f))).toEqual([]);
  });

  it("answers as a plan made for the values does, for prefixes that match more names than a branch keeps", async () => {
    // "university" and "a" match hundreds of the directory's names: each branch keeps its first 60 in the
    // B-tree's order, whichever plan reads them (a generic plan read the range through a bitmap and kept any 60).
    for (const [q, zh] of [
      ["a", false],
      ["university", false],
      ["univ of", false],
      ["南京", true],
    ] as const) {
      const sql = suggestQuery(q, ["organization", "institution"], 8, zh);
      const [planned, generic] = await Promise.all([db().$queryRaw(sql), suggestDb().$queryRaw(sql)]);
      expect(generic, q).toEqual(planned);
      expect((planned as unknown[]).length, q).toBeGreaterThan(0);
    }
  });
});

describe("resolveOrganizationChoice (typed without JavaScript)", () => {
  const typed = (text: string, locale: "en" | "zh" = "en") =>
    resolveOrganizationChoice({ slug: "", text }, locale, "organization");

  it("takes a single exact match by name or acronym, in any language and punctuation", async () => {
    expect(await typed("Eurasia Pacific Uninet")).toBe(EPU);
    expect(await typed("epu")).toBe(EPU);
    expect(await typed("欧亚太平洋学术协会", "zh")).toBe(EPU);
  });

  it("keeps a chosen slug while the text names it, and lets the typed text decide once it does not", async () => {
    expect(await resolveOrganizationChoice({ slug: EPU, text: "" }, "en", "organization")).toBe(EPU);
    expect(await resolveOrganizationChoice({ slug: EPU, text: "Eurasia-Pacific Uninet" }, "en", "organization")).toBe(
      EPU,
    );
    // A prefilled slug left behind in a browser without JavaScript, after the person typed another name.
    expect(await resolveOrganizationChoice({ slug: EPU, text: "PABSC" }, "en", "organization")).toBe(PABSC);
  });

  it("refuses a partial or unknown name, listing up to five candidates", async () => {
    const error = await typed("Eurasia").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as InstanceType<typeof ValidationError>;
    expect(v.message).toContain("Eurasia-Pacific Uninet (EPU)");
    expect(v.fieldErrors.organization?.[0]).toBe(v.message);
    const alliance = await typed("alliance").catch((e: unknown) => e);
    const listed = (alliance as Error).message.split(": ").at(-1)!.split("; ");
    expect(listed.length).toBe(5);
    const unknown = await typed("Zzyzx Qwv").catch((e: unknown) => e);
    expect((unknown as Error).message).toBe("No organization in the registry is named “Zzyzx Qwv”.");
  });
});

describe("adding a membership by a typed name (the form without JavaScript)", () => {
  const values = {
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2020",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/typed",
    sourceTitle: "",
    sourceQuote: "",
  };
  const organization = (slug: string, name: string) =>
    prisma.organization.create({ data: { slug, kind: "NETWORK", names: { create: { locale: "en", name } } } });

  it("creates the request for the one organization the typed name is", async () => {
    const target = await organization("typed-name-test-network", "Typed-Name Test Network");
    const cuhk = await loadActor(prisma, "staff@cuhk.test");
    const raw = { locale: "en", organizationSlug: "", organization: "typed name test network", reason: "", values };
    const { state } = await runDefinition(actions.proposeMembershipCreate!, cuhk, raw, "en");
    expect(state.ok).toBe(true);
    const created = await prisma.changeRequest.findMany({ where: { organizationId: target.id } });
    expect(created).toHaveLength(1);
    expect(created[0]?.kind).toBe("MEMBERSHIP_CREATE");
  });

  it("creates nothing for an ambiguous or unknown name, and says which names to type (in Chinese too)", async () => {
    await organization("twin-name-alliance-a", "Twin Name Alliance");
    await organization("twin-name-alliance-b", "Twin-Name Alliance");
    const cuhk = await loadActor(prisma, "staff@cuhk.test");
    const before = await prisma.changeRequest.count();
    const raw = (text: string, locale: string) => ({
      locale,
      organizationSlug: "",
      organization: text,
      reason: "",
      values,
    });
    const twin = await runDefinition(actions.proposeMembershipCreate!, cuhk, raw("Twin Name Alliance", "en"), "en");
    expect(twin.state.ok).toBe(false);
    expect(twin.state.fieldErrors.organization?.[0]).toBe(
      "More than one organization is named “Twin Name Alliance”: type one of these exactly: " +
        "Twin Name Alliance; Twin-Name Alliance.",
    );
    const zh = await runDefinition(actions.proposeMembershipCreate!, cuhk, raw("Zzyzx Qwv", "zh"), "zh");
    expect(zh.state.fieldErrors.organization?.[0]).toBe("名录中没有名为“Zzyzx Qwv”的国际组织。");
    const none = await runDefinition(actions.proposeMembershipCreate!, cuhk, raw("", "en"), "en");
    expect(none.state.fieldErrors.organization?.[0]).toBe("Choose an organization.");
    expect(await prisma.changeRequest.count()).toBe(before);
  });
});

async function get(query: string) {
  const response = await GET(new Request(`http://atlas.test/api/v1/suggest?${query}`), undefined);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("GET /api/v1/suggest", () => {
  it("answers the contract, with CORS and an ETag", async () => {
    const { status, headers, body } = await get("q=Eurasia%20Pacific&type=organization&limit=3");
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(headers.get("etag")).toMatch(/^"/);
    expect(body.query).toBe("Eurasia Pacific");
    expect(body.items[0]).toMatchObject({ type: "organization", slug: EPU, url: `/en/organizations/${EPU}` });
    expect(body.items.length).toBeLessThanOrEqual(3);
  });

  it("filters by type and answers in Chinese", async () => {
    const { body } = await get(`q=${encodeURIComponent("南京")}&type=institution&locale=zh`);
    expect(body.items[0]).toMatchObject({ type: "institution", slug: NMU, name: "南京医科大学" });
    expect(body.items.every((i: { type: string }) => i.type === "institution")).toBe(true);
  });

  it("names an institution's country in the asked language, as the site does (Hong Kong SAR, 中国香港)", async () => {
    const en = await get("q=CUHK&type=institution&locale=en");
    expect(en.body.items[0]).toMatchObject({ slug: CUHK, country: "HK", countryName: "Hong Kong SAR" });
    const zh = await get("q=CUHK&type=institution&locale=zh");
    expect(zh.body.items[0]).toMatchObject({ slug: CUHK, country: "HK", countryName: "中国香港" });
    const nmu = await get(`q=${encodeURIComponent("南京医科大学")}&type=institution&locale=zh`);
    expect(nmu.body.items[0]).toMatchObject({ slug: NMU, country: "CN", countryName: "中国" });
  });

  it.each([
    ["q=", "q"],
    ["type=organization", "q"],
    [`q=${"a".repeat(101)}`, "q"],
    ["q=epu&type=person", "type"],
    ["q=epu&limit=0", "limit"],
    ["q=epu&limit=21", "limit"],
    ["q=epu&limit=two", "limit"],
    ["q=epu&locale=fr", "locale"],
    ["q=epu&sort=name", "sort"],
  ])("refuses %s with a 400 naming %s", async (query, field) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.details)).toContain(field);
  });
});
