// The facts of the two seed pages — Nanjing Medical University's "International Organization" table and
// CUHK's "Belt and Road — CUHK's Participation" — checked one by one against the seeded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromStoredDate, type PartialDate } from "@/lib/shared/dates";
import type { PrismaClient } from "@/lib/data/prisma-client";
import { seedDatabase } from "@/prisma/seed";
import { testPrisma } from "../support/db";
import { onPage } from "../support/seed-pages";

const NMU = "nanjing-medical-university";
const CUHK = "chinese-university-of-hong-kong";
const NMU_PAGE = "nmu-international-organizations";
const CUHK_PAGE = "cuhk-belt-and-road";

const day = (iso: string): PartialDate => ({ iso, precision: "DAY" });
const month = (iso: string): PartialDate => ({ iso, precision: "MONTH" });
const year = (iso: string): PartialDate => ({ iso, precision: "YEAR" });

let prisma: PrismaClient;
beforeAll(() => {
  prisma = testPrisma();
});
afterAll(async () => {
  await prisma.$disconnect();
});

async function organization(slug: string) {
  return prisma.organization.findUniqueOrThrow({
    where: { slug },
    include: {
      names: { include: { source: true } },
      founders: { include: { institution: true, source: true }, orderBy: { position: "asc" } },
      declaredCounts: { include: { source: true } },
      people: { include: { institution: true, source: true } },
      parent: true,
      children: true,
      foundedSource: true,
      introductionSource: true,
    },
  });
}

// --- Memberships, as each page's "entrance time and role" gives them ------------------------------------
type MembershipFact = {
  institution: string;
  organization: string;
  role: string;
  joined: PartialDate | null;
  source: string;
  quote: string;
  notes?: RegExp;
};

const membershipFacts: MembershipFact[] = [
  // NMU: "Nov 11, 2019, Founding Member"
  {
    institution: NMU,
    organization: "belt-and-road-federation-for-health-promotion",
    role: "FOUNDING_MEMBER",
    joined: day("2019-11-11"),
    source: NMU_PAGE,
    quote: "Nov 11, 2019, Founding Member",
  },
  // NMU: "May 2018, Founding Member"
  {
    institution: NMU,
    organization: "belt-and-road-international-medical-education-alliance",
    role: "FOUNDING_MEMBER",
    joined: month("2018-05"),
    source: NMU_PAGE,
    quote: "May 2018, Founding Member",
  },
  // NMU: "July 9, 2021, Founding Member"
  {
    institution: NMU,
    organization: "m9-collaboration-network",
    role: "FOUNDING_MEMBER",
    joined: day("2021-07-09"),
    source: NMU_PAGE,
    quote: "July 9, 2021, Founding Member",
  },
  // NMU: "October 2009, Member"
  {
    institution: NMU,
    organization: "eurasia-pacific-uninet",
    role: "MEMBER",
    joined: month("2009-10"),
    source: NMU_PAGE,
    quote: "October 2009, Member",
  },
  // NMU: the entrance-time cell is blank for these two: no date, and no role stated.
  {
    institution: NMU,
    organization: "association-of-sino-russian-medical-universities",
    role: "NOT_STATED",
    joined: null,
    source: NMU_PAGE,
    quote: "The Association of Sino-Russian Medical Universities",
    notes: /blank, so no entrance date or role is stated/,
  },
  {
    institution: NMU,
    organization: "south-and-southeast-asia-medical-education-and-service-alliance",
    role: "NOT_STATED",
    joined: null,
    source: NMU_PAGE,
    quote: "South and Southeast Asia Medical Education and Service Alliance",
    notes: /blank, so no entrance date or role is stated/,
  },
  // CUHK: "officially formed in November 2018, and CUHK was the only institution from Hong Kong to join ... with
  // another 35 founding members"
  {
    institution: CUHK,
    organization: "alliance-of-international-science-organizations",
    role: "FOUNDING_MEMBER",
    joined: month("2018-11"),
    source: CUHK_PAGE,
    quote: "CUHK was the only institution from Hong Kong to join the Alliance with another 35 founding members",
    notes: /only institution from Hong Kong/,
  },
  // CUHK: "The University joined the University Alliance of Belt and Road (UABR) in 2016"
  {
    institution: CUHK,
    organization: "university-alliance-of-belt-and-road",
    role: "MEMBER",
    joined: year("2016"),
    source: CUHK_PAGE,
    quote: "joined the University Alliance of Belt and Road (UABR) in 2016",
  },
  // CUHK: "CUHK joined the UASR in 2016"
  {
    institution: CUHK,
    organization: "university-alliance-of-the-silk-road",
    role: "MEMBER",
    joined: year("2016"),
    source: CUHK_PAGE,
    quote: "CUHK joined the UASR in 2016",
  },
  // CUHK: "CUHK joined the ASIA-International Biomedical Science Consortium (the Consortium) in 2012"
  {
    institution: CUHK,
    organization: "pan-asian-biomedical-science-consortium",
    role: "MEMBER",
    joined: year("2012"),
    source: CUHK_PAGE,
    quote: "CUHK joined the ASIA-International Biomedical Science Consortium (the Consortium) in 2012",
    notes: /former name, ASIA-International Biomedical Science Consortium/,
  },
  // CUHK: "CUHK signed a Memorandum of Understanding (MOU) with Ningxia Medical University, China in August 2019"
  {
    institution: CUHK,
    organization: "mou-cuhk-ningxia-medical-university",
    role: "SIGNATORY",
    joined: month("2019-08"),
    source: CUHK_PAGE,
    quote: "signed a Memorandum of Understanding (MOU) with Ningxia Medical University, China in August 2019",
  },
  {
    institution: "ningxia-medical-university",
    organization: "mou-cuhk-ningxia-medical-university",
    role: "SIGNATORY",
    joined: month("2019-08"),
    source: CUHK_PAGE,
    quote: "signed a Memorandum of Understanding (MOU) with Ningxia Medical University, China in August 2019",
  },
  // CUHK: "CUHK has been organized an annual “Belt and Road & Greater Bay Area Chinese Medicine Training Programme”
  // since the summer of 2019"
  {
    institution: CUHK,
    organization: "belt-and-road-greater-bay-area-chinese-medicine-training-programme",
    role: "ORGANIZER",
    joined: year("2019"),
    source: CUHK_PAGE,
    quote: "since the summer of 2019",
    notes: /since the summer of 2019/,
  },
];

describe("memberships", () => {
  it.each(membershipFacts)("$institution in $organization: $role, joined $joined.iso", async (fact) => {
    const m = await prisma.membership.findFirstOrThrow({
      where: { institution: { slug: fact.institution }, organization: { slug: fact.organization } },
      include: { source: true },
    });
    expect(m.role).toBe(fact.role);
    expect(m.status).toBe("ACTIVE");
    expect(fromStoredDate(m.joinedOn, m.joinedPrecision)).toEqual(fact.joined);
    if (fact.joined === null) expect(m.joinedPrecision).toBeNull();
    expect(m.endedOn).toBeNull();
    expect(m.source.key).toBe(fact.source);
    expect(m.quote).toContain(fact.quote);
    if (fact.notes) expect(m.notes).toMatch(fact.notes);
  });

  it("NMU has exactly the six organizations of its table, and CUHK the six of its page", async () => {
    const of = async (slug: string) =>
      (
        await prisma.membership.findMany({
          where: { institution: { slug } },
          select: { organization: { select: { slug: true } } },
        })
      )
        .map((m) => m.organization.slug)
        .sort();
    const expected = (slug: string) =>
      membershipFacts
        .filter((f) => f.institution === slug)
        .map((f) => f.organization)
        .sort();
    expect(await of(NMU)).toEqual(expected(NMU));
    expect(await of(NMU)).toHaveLength(6);
    expect(await of(CUHK)).toEqual(expected(CUHK));
    expect(await of(CUHK)).toHaveLength(6);
    expect(await prisma.membership.count()).toBe(membershipFacts.length);
  });
});

// --- Founders, in the order the pages name them ---------------------------------------------------------
type FounderFact = { organization: string; founders: [institution: string, role: string][]; source: string };

const M9_CO_SPONSORS = [
  "capital-medical-university",
  "tianjin-medical-university",
  "china-medical-university",
  "harbin-medical-university",
  NMU,
  "wenzhou-medical-university",
  "anhui-medical-university",
  "southern-medical-university",
];

const founderFacts: FounderFact[] = [
  { organization: "belt-and-road-federation-for-health-promotion", founders: [[NMU, "FOUNDER"]], source: NMU_PAGE },
  // "proposed by Chongqing Medical University and co-sponsored by Capital Medical University, Tianjin ..."
  {
    organization: "m9-collaboration-network",
    founders: [
      ["chongqing-medical-university", "PROPOSER"],
      ...M9_CO_SPONSORS.map((s): [string, string] => [s, "CO_SPONSOR"]),
    ],
    source: NMU_PAGE,
  },
  // "initiated by Harbin Medical University and the 1st Moscow State Medical University of the Russian Federation"
  {
    organization: "association-of-sino-russian-medical-universities",
    founders: [
      ["harbin-medical-university", "INITIATOR"],
      ["first-moscow-state-medical-university", "INITIATOR"],
    ],
    source: NMU_PAGE,
  },
  // "convened by China Medical University"
  {
    organization: "belt-and-road-international-medical-education-alliance",
    founders: [["china-medical-university", "CONVENER"]],
    source: NMU_PAGE,
  },
  // Founded by "the Austrian Federal Ministry for Science and Research, OeAD-GmbH"; "It has the support of ..."
  {
    organization: "eurasia-pacific-uninet",
    founders: [
      ["austrian-federal-ministry-for-science-and-research", "FOUNDER"],
      ["oead-gmbh", "FOUNDER"],
      ["austrian-federal-ministry-for-science-and-research", "SUPPORTER"],
      ["oead-gmbh", "SUPPORTER"],
    ],
    source: NMU_PAGE,
  },
  // "Jointly founded by the Kunming Medical University and Shanghai Jiaotong University School of Medicine"
  {
    organization: "south-and-southeast-asia-medical-education-and-service-alliance",
    founders: [
      ["shanghai-jiao-tong-university-school-of-medicine", "FOUNDER"],
      ["kunming-medical-university", "FOUNDER"],
    ],
    source: NMU_PAGE,
  },
  // "Initiated by the Chinese Academy of Sciences (CAS)"
  {
    organization: "alliance-of-international-science-organizations",
    founders: [["chinese-academy-of-sciences", "INITIATOR"]],
    source: CUHK_PAGE,
  },
  {
    organization: "mou-cuhk-ningxia-medical-university",
    founders: [
      [CUHK, "SIGNATORY"],
      ["ningxia-medical-university", "SIGNATORY"],
    ],
    source: CUHK_PAGE,
  },
  {
    organization: "belt-and-road-greater-bay-area-chinese-medicine-training-programme",
    founders: [[CUHK, "ORGANIZER"]],
    source: CUHK_PAGE,
  },
  // "Established in 2015 by Xi’an Jiaotong University, China"
  {
    organization: "university-alliance-of-the-silk-road",
    founders: [["xian-jiaotong-university", "FOUNDER"]],
    source: CUHK_PAGE,
  },
  // The CUHK page names no founder of PABSC or UABR.
  { organization: "pan-asian-biomedical-science-consortium", founders: [], source: CUHK_PAGE },
  { organization: "university-alliance-of-belt-and-road", founders: [], source: CUHK_PAGE },
];

describe("founders", () => {
  it.each(founderFacts)("$organization: $founders.length founders as the page names them", async (fact) => {
    const o = await organization(fact.organization);
    expect(o.founders.map((f) => [f.institution.slug, f.role])).toEqual(fact.founders);
    for (const f of o.founders) {
      expect(f.source.key).toBe(fact.source);
      expect(f.quote).toBeTruthy();
    }
  });

  it("M9 has all nine universities as founders: one proposer and eight co-sponsors", async () => {
    const o = await organization("m9-collaboration-network");
    expect(o.founders).toHaveLength(9);
    expect(o.founders.filter((f) => f.role === "PROPOSER").map((f) => f.institution.slug)).toEqual([
      "chongqing-medical-university",
    ]);
    expect(
      o.founders
        .filter((f) => f.role === "CO_SPONSOR")
        .map((f) => f.institution.slug)
        .sort(),
    ).toEqual([...M9_CO_SPONSORS].sort());
    expect(new Set(o.founders.map((f) => f.institution.country))).toEqual(new Set(["CN"]));
  });

  it("both Sino-Russian initiators are there, one from each country", async () => {
    const o = await organization("association-of-sino-russian-medical-universities");
    expect(o.founders.map((f) => [f.institution.slug, f.institution.country, f.role])).toEqual([
      ["harbin-medical-university", "CN", "INITIATOR"],
      ["first-moscow-state-medical-university", "RU", "INITIATOR"],
    ]);
  });

  it("the first Moscow university keeps the page's spelling as an alternate name", async () => {
    const names = await prisma.institutionName.findMany({
      where: { institution: { slug: "first-moscow-state-medical-university" } },
    });
    expect(names.map((n) => [n.kind, n.name]).sort()).toEqual([
      ["ALTERNATE", "1st Moscow State Medical University of the Russian Federation"],
      // Its former name, as the directory of the world's universities still lists it, credited to the directory.
      ["ALTERNATE", "I.M. Sechenov Moscow Medical Academy"],
      ["OFFICIAL", "First Moscow State Medical University"],
    ]);
    const directory = await prisma.source.findUniqueOrThrow({ where: { key: "world-universities-list" } });
    expect(names.find((n) => n.name.startsWith("I.M."))?.sourceId).toBe(directory.id);
  });
});

// --- Declared counts -------------------------------------------------------------------------------------
type CountFact = {
  organization: string;
  subject: string;
  qualifier: string;
  value: number;
  previousValue?: number;
  countryCount?: number;
  countries?: string[];
  countriesComplete?: boolean;
  asOf: PartialDate | null;
  quote: string;
};

const countFacts: CountFact[] = [
  // "initiated by 15 national medical education institutions from China, Ukraine, Kyrgyzstan, Estonia, Azerbaijan,
  // Pakistan and the Philippines"
  {
    organization: "belt-and-road-international-medical-education-alliance",
    subject: "INITIATORS",
    qualifier: "EXACTLY",
    value: 15,
    countries: ["CN", "UA", "KG", "EE", "AZ", "PK", "PH"],
    countriesComplete: true,
    asOf: null,
    quote: "initiated by 15 national medical education institutions",
  },
  // "joined by 92 high level medical universities from China and Russia"
  {
    organization: "association-of-sino-russian-medical-universities",
    subject: "MEMBERS",
    qualifier: "EXACTLY",
    value: 92,
    countries: ["CN", "RU"],
    countriesComplete: true,
    asOf: null,
    quote: "joined by 92 high level medical universities from China and Russia",
  },
  // "over 150 member institutions from many countries, including Austria, China, ..."
  {
    organization: "eurasia-pacific-uninet",
    subject: "MEMBERS",
    qualifier: "OVER",
    value: 150,
    countries: ["AT", "CN", "MN", "KR", "KP", "RU", "KZ", "NP", "BT", "IN"],
    countriesComplete: false,
    asOf: null,
    quote: "over 150 member institutions from many countries",
  },
  // "CUHK was the only institution from Hong Kong to join the Alliance with another 35 founding members" (36 in all)
  {
    organization: "alliance-of-international-science-organizations",
    subject: "FOUNDING_MEMBERS",
    qualifier: "EXACTLY",
    value: 36,
    countries: ["HK"],
    countriesComplete: false,
    asOf: month("2018-11"),
    quote: "with another 35 founding members",
  },
  // "memberships expanded from 11 to 18 tertiary and research institutes from China, Hong Kong, Thailand, Malaysia, the
  // Philippines and Vietnam"
  {
    organization: "pan-asian-biomedical-science-consortium",
    subject: "MEMBERS",
    qualifier: "EXACTLY",
    value: 18,
    previousValue: 11,
    countries: ["CN", "HK", "TH", "MY", "PH", "VN"],
    countriesComplete: true,
    asOf: month("2018-12"),
    quote: "expanded from 11 to 18",
  },
  // "UABR was first established in October 2015 by 47 institutes from 8 countries"
  {
    organization: "university-alliance-of-belt-and-road",
    subject: "FOUNDING_MEMBERS",
    qualifier: "EXACTLY",
    value: 47,
    countryCount: 8,
    asOf: month("2015-10"),
    quote: "47 institutes from 8 countries",
  },
  // "currently consists of 126 member universities"
  {
    organization: "university-alliance-of-belt-and-road",
    subject: "MEMBERS",
    qualifier: "EXACTLY",
    value: 126,
    asOf: null,
    quote: "126 member universities",
  },
  // "attracted members of over 150 universities from 38 countries and regions"
  {
    organization: "university-alliance-of-the-silk-road",
    subject: "MEMBERS",
    qualifier: "OVER",
    value: 150,
    countryCount: 38,
    asOf: null,
    quote: "over 150 universities from 38 countries and regions",
  },
];

describe("declared counts", () => {
  it.each(countFacts)("$organization: $subject $qualifier $value", async (fact) => {
    const o = await organization(fact.organization);
    const c = o.declaredCounts.find((d) => d.subject === fact.subject);
    expect(c, `${fact.organization} has a ${fact.subject} count`).toBeDefined();
    expect(c!.qualifier).toBe(fact.qualifier);
    expect(c!.value).toBe(fact.value);
    expect(c!.previousValue).toBe(fact.previousValue ?? null);
    expect(c!.countryCount).toBe(fact.countryCount ?? null);
    expect(c!.countries).toEqual(fact.countries ?? []);
    expect(c!.countriesComplete).toBe(fact.countriesComplete ?? false);
    expect(fromStoredDate(c!.asOf, c!.asOfPrecision)).toEqual(fact.asOf);
    expect(c!.quote).toContain(fact.quote);
  });

  it("no organization has a count the pages do not give", async () => {
    const all = await prisma.declaredCount.findMany({
      select: { subject: true, value: true, organization: { select: { slug: true } } },
    });
    expect(all.map((c) => `${c.organization.slug}:${c.subject}:${c.value}`).sort()).toEqual(
      countFacts.map((f) => `${f.organization}:${f.subject}:${f.value}`).sort(),
    );
  });
});

// --- Founding dates, names, people, structure ------------------------------------------------------------
const foundedFacts: { organization: string; founded: PartialDate | null; quote?: string }[] = [
  { organization: "eurasia-pacific-uninet", founded: year("2000"), quote: "Since its establishment in year 2000" },
  {
    organization: "alliance-of-international-science-organizations",
    founded: month("2018-11"),
    quote: "officially formed in November 2018",
  },
  {
    organization: "university-alliance-of-belt-and-road",
    founded: month("2015-10"),
    quote: "first established in October 2015",
  },
  { organization: "university-alliance-of-the-silk-road", founded: year("2015"), quote: "Established in 2015" },
  { organization: "mou-cuhk-ningxia-medical-university", founded: month("2019-08"), quote: "in August 2019" },
  {
    organization: "belt-and-road-greater-bay-area-chinese-medicine-training-programme",
    founded: year("2019"),
    quote: "since the summer of 2019",
  },
  // The pages do not say when these were founded: nothing is invented.
  { organization: "belt-and-road-federation-for-health-promotion", founded: null },
  { organization: "association-of-sino-russian-medical-universities", founded: null },
  { organization: "belt-and-road-international-medical-education-alliance", founded: null },
  { organization: "m9-collaboration-network", founded: null },
  { organization: "south-and-southeast-asia-medical-education-and-service-alliance", founded: null },
  { organization: "pan-asian-biomedical-science-consortium", founded: null },
];

describe("organizations", () => {
  it("there are the twelve organizations of the two pages", async () => {
    expect((await prisma.organization.findMany({ select: { slug: true } })).map((o) => o.slug).sort()).toEqual(
      foundedFacts.map((f) => f.organization).sort(),
    );
  });

  it.each(foundedFacts)("$organization founded $founded.iso ($founded.precision)", async (fact) => {
    const o = await organization(fact.organization);
    expect(fromStoredDate(o.foundedOn, o.foundedPrecision)).toEqual(fact.founded);
    if (fact.quote) {
      expect(o.foundedQuote).toContain(fact.quote);
      expect(o.foundedSource).not.toBeNull();
    } else {
      expect(o.foundedOn).toBeNull();
      expect(o.foundedPrecision).toBeNull();
      expect(o.foundedSource).toBeNull();
    }
  });

  it.each([
    ["belt-and-road-international-medical-education-alliance", "BRIMEA", "ALLIANCE"],
    ["m9-collaboration-network", "M9", "NETWORK"],
    ["eurasia-pacific-uninet", "EPU", "NETWORK"],
    ["alliance-of-international-science-organizations", "ANSO", "ALLIANCE"],
    ["pan-asian-biomedical-science-consortium", "PABSC", "CONSORTIUM"],
    ["university-alliance-of-belt-and-road", "UABR", "ALLIANCE"],
    ["university-alliance-of-the-silk-road", "UASR", "ALLIANCE"],
    ["belt-and-road-federation-for-health-promotion", null, "FEDERATION"],
    ["association-of-sino-russian-medical-universities", null, "ASSOCIATION"],
    ["mou-cuhk-ningxia-medical-university", null, "AGREEMENT"],
    ["belt-and-road-greater-bay-area-chinese-medicine-training-programme", null, "PROGRAMME"],
  ])("%s has acronym %s and kind %s", async (slug, acronym, kind) => {
    const o = await organization(slug);
    expect(o.acronym).toBe(acronym);
    expect(o.kind).toBe(kind);
  });

  it("PABSC's former name was valid until December 2018, when it was renamed", async () => {
    const o = await organization("pan-asian-biomedical-science-consortium");
    const former = o.names.find((n) => n.kind === "FORMER");
    const official = o.names.find((n) => n.kind === "OFFICIAL");
    expect(former?.name).toBe("ASIA-International Biomedical Science Consortium");
    expect(fromStoredDate(former!.validUntil, former!.validUntilPrecision)).toEqual(month("2018-12"));
    expect(former!.validFrom).toBeNull();
    expect(official?.name).toBe("Pan-Asian Biomedical Science Consortium");
    expect(official?.acronym).toBe("PABSC");
    expect(fromStoredDate(official!.validFrom, official!.validFromPrecision)).toEqual(month("2018-12"));
    expect(official!.validUntil).toBeNull();
    expect(o.searchText).toContain("ASIA-International Biomedical Science Consortium");
  });

  it("M9's full official name and its short name are both kept", async () => {
    const o = await organization("m9-collaboration-network");
    expect(o.names.map((n) => [n.kind, n.name]).sort()).toEqual([
      ["ALTERNATE", "M9 Collaboration Network"],
      [
        "OFFICIAL",
        "International Collaboration Network of Medical Universities Jointly Built by Ministries and Provinces",
      ],
    ]);
  });

  it("the training programme's parent is the MOU it runs under", async () => {
    const programme = await organization("belt-and-road-greater-bay-area-chinese-medicine-training-programme");
    expect(programme.parent?.slug).toBe("mou-cuhk-ningxia-medical-university");
    const mou = await organization("mou-cuhk-ningxia-medical-university");
    expect(mou.children.map((c) => c.slug)).toEqual([
      "belt-and-road-greater-bay-area-chinese-medicine-training-programme",
    ]);
    expect(await prisma.organization.count({ where: { parentId: { not: null } } })).toBe(1);
  });

  it("Wang Changqing is the President of the Federation, from Nanjing Medical University", async () => {
    const o = await organization("belt-and-road-federation-for-health-promotion");
    expect(o.people).toHaveLength(1);
    const [p] = o.people;
    expect(p).toMatchObject({ name: "Wang Changqing", role: "President" });
    expect(p!.institution?.slug).toBe(NMU);
    expect(p!.description).toContain("Secretary of the Party Committee of Nanjing Medical University");
    expect(p!.source.key).toBe(NMU_PAGE);
  });

  it("Yang Baofeng proposed the Sino-Russian association, as President of Harbin Medical University", async () => {
    const o = await organization("association-of-sino-russian-medical-universities");
    expect(o.people).toHaveLength(1);
    const [p] = o.people;
    expect(p).toMatchObject({ name: "Yang Baofeng", role: "Proposer" });
    expect(p!.institution?.slug).toBe("harbin-medical-university");
    expect(p!.description).toContain("academician of Chinese Academy of Engineering");
  });

  it("the Chinese names the pages do not give come from the editorial source, never from a page", async () => {
    const zh = await prisma.organizationName.findMany({ where: { locale: "zh" }, include: { source: true } });
    expect(zh.length).toBeGreaterThan(0);
    for (const n of zh) expect(n.source?.key).toBe("editorial-zh-names");
    const uasr = zh.find((n) => n.name === "丝绸之路大学联盟");
    expect(uasr).toBeDefined();
  });

  it("CUHK is in Hong Kong (HK) and NMU in China (CN)", async () => {
    const [cuhk, nmu] = await Promise.all([
      prisma.institution.findUniqueOrThrow({ where: { slug: CUHK }, include: { names: true } }),
      prisma.institution.findUniqueOrThrow({ where: { slug: NMU }, include: { names: true } }),
    ]);
    expect(cuhk.country).toBe("HK");
    expect(cuhk.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["The Chinese University of Hong Kong", "CUHK"]),
    );
    expect(nmu.country).toBe("CN");
    expect(nmu.names.map((n) => n.name)).toContain("Nanjing Medical University");
  });
});

// --- Sources and precision -------------------------------------------------------------------------------
describe("sources", () => {
  it("every membership and every founder row has a source, and its quote is on that page", async () => {
    const memberships = await prisma.membership.findMany({ include: { source: true } });
    expect(memberships.length).toBeGreaterThan(0);
    for (const m of memberships) {
      expect(m.source.kind).toBe("WEB_PAGE");
      expect(m.quote, `membership ${m.id} quotes its page`).toBeTruthy();
      expect(onPage(m.source.key, m.quote!), `"${m.quote}" is on ${m.source.key}`).toBe(true);
    }
    const founders = await prisma.organizationFounder.findMany({ include: { source: true } });
    expect(founders.length).toBeGreaterThan(0);
    for (const f of founders) {
      expect(f.quote, `founder ${f.id} quotes its page`).toBeTruthy();
      expect(onPage(f.source.key, f.quote!), `"${f.quote}" is on ${f.source.key}`).toBe(true);
    }
  });

  it(`every declared count, person, founding date, introduction and quoted name \
is word for word on its page`, async () => {
    const counts = await prisma.declaredCount.findMany({ include: { source: true } });
    for (const c of counts) expect(onPage(c.source.key, c.quote), c.quote).toBe(true);
    const people = await prisma.organizationPerson.findMany({ include: { source: true } });
    for (const p of people) expect(onPage(p.source.key, p.quote ?? ""), p.name).toBe(true);
    const orgs = await prisma.organization.findMany({ include: { foundedSource: true, introductionSource: true } });
    for (const o of orgs) {
      if (o.foundedQuote) expect(onPage(o.foundedSource!.key, o.foundedQuote), o.foundedQuote).toBe(true);
      expect(o.introduction, `${o.slug} has an introduction`).toBeTruthy();
      expect(onPage(o.introductionSource!.key, o.introduction!), `${o.slug}'s introduction is on its page`).toBe(true);
    }
    const names = await prisma.organizationName.findMany({
      where: { source: { kind: "WEB_PAGE" } },
      include: { source: true },
    });
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(onPage(n.source!.key, n.quote ?? ""), n.name).toBe(true);
  });

  it("there are four sources: the two pages, the editorial Chinese names and the directory", async () => {
    const sources = await prisma.source.findMany({ orderBy: { key: "asc" } });
    expect(sources.map((s) => [s.key, s.kind])).toEqual([
      ["cuhk-belt-and-road", "WEB_PAGE"],
      ["editorial-zh-names", "EDITORIAL"],
      ["nmu-international-organizations", "WEB_PAGE"],
      ["world-universities-list", "DOCUMENT"],
    ]);
  });
});

describe("date precision", () => {
  it("only the two days the NMU page gives are stored at DAY precision", async () => {
    const dayRows = [
      ...(
        await prisma.membership.findMany({
          where: { OR: [{ joinedPrecision: "DAY" }, { endedPrecision: "DAY" }] },
          select: { quote: true, organization: { select: { slug: true } } },
        })
      ).map((m) => `membership:${m.organization.slug}`),
      ...(await prisma.organization.findMany({ where: { foundedPrecision: "DAY" }, select: { slug: true } })).map(
        (o) => `founded:${o.slug}`,
      ),
      ...(
        await prisma.organizationName.findMany({
          where: { OR: [{ validFromPrecision: "DAY" }, { validUntilPrecision: "DAY" }] },
          select: { name: true },
        })
      ).map((n) => `name:${n.name}`),
      ...(await prisma.declaredCount.findMany({ where: { asOfPrecision: "DAY" }, select: { id: true } })).map(
        (c) => `count:${c.id}`,
      ),
    ];
    expect(dayRows.sort()).toEqual([
      "membership:belt-and-road-federation-for-health-promotion",
      "membership:m9-collaboration-network",
    ]);
  });

  it("every stored date has a precision and sits on the first day of its period", async () => {
    const rows = [
      ...(await prisma.membership.findMany({ select: { joinedOn: true, joinedPrecision: true } })).map(
        (m) => [m.joinedOn, m.joinedPrecision] as const,
      ),
      ...(await prisma.organization.findMany({ select: { foundedOn: true, foundedPrecision: true } })).map(
        (o) => [o.foundedOn, o.foundedPrecision] as const,
      ),
      ...(await prisma.declaredCount.findMany({ select: { asOf: true, asOfPrecision: true } })).map(
        (c) => [c.asOf, c.asOfPrecision] as const,
      ),
      ...(
        await prisma.organizationName.findMany({
          select: { validFrom: true, validFromPrecision: true, validUntil: true, validUntilPrecision: true },
        })
      ).flatMap((n) => [[n.validFrom, n.validFromPrecision] as const, [n.validUntil, n.validUntilPrecision] as const]),
    ];
    let dated = 0;
    for (const [date, precision] of rows) {
      expect(date === null).toBe(precision === null);
      if (!date) continue;
      dated++;
      if (precision === "YEAR") expect(date.toISOString().slice(5, 10)).toBe("01-01");
      if (precision === "MONTH") expect(date.toISOString().slice(8, 10)).toBe("01");
    }
    expect(dated).toBeGreaterThanOrEqual(20);
  });
});

describe("derived columns", () => {
  it("member counts and countries are derived from memberships, founders and declared lists", async () => {
    const o = await prisma.organization.findMany({ select: { slug: true, memberCount: true, countries: true } });
    const by = new Map(o.map((r) => [r.slug, r]));
    expect(by.get("mou-cuhk-ningxia-medical-university")).toMatchObject({ memberCount: 2, countries: ["CN", "HK"] });
    expect(by.get("university-alliance-of-belt-and-road")).toMatchObject({ memberCount: 1, countries: ["HK"] });
    expect(by.get("belt-and-road-international-medical-education-alliance")?.countries).toEqual([
      "AZ",
      "CN",
      "EE",
      "KG",
      "PH",
      "PK",
      "UA",
    ]);
    expect(by.get("association-of-sino-russian-medical-universities")?.countries).toEqual(["CN", "RU"]);
  });
});

// Last: it writes (the same facts again).
describe("seed idempotence", () => {
  it("running the seed again changes no count and keeps the membership rows", async () => {
    const snapshot = async () => ({
      sources: await prisma.source.count(),
      institutions: await prisma.institution.count(),
      institutionNames: await prisma.institutionName.count(),
      organizations: await prisma.organization.count(),
      organizationNames: await prisma.organizationName.count(),
      founders: await prisma.organizationFounder.count(),
      declaredCounts: await prisma.declaredCount.count(),
      people: await prisma.organizationPerson.count(),
      memberships: await prisma.membership.count(),
      membershipIds: (await prisma.membership.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
        (m) => m.id,
      ),
      organizationIds: await prisma.organization.findMany({
        select: { id: true, slug: true, memberCount: true, countries: true, parentId: true },
        orderBy: { id: "asc" },
      }),
    });
    const before = await snapshot();
    const directory = await prisma.institution.count({ where: { source: { key: "world-universities-list" } } });
    expect(directory).toBeGreaterThan(10_000);
    expect(before).toMatchObject({ sources: 4, institutions: 19 + directory, organizations: 12, memberships: 13 });
    const result = await seedDatabase(prisma);
    expect(result).toEqual({ sources: 3, institutions: 19, organizations: 12, memberships: 13 });
    expect(await snapshot()).toEqual(before);
    await seedDatabase(prisma);
    expect(await snapshot()).toEqual(before);
  });
});
