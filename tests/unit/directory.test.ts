import { describe, expect, it } from "vitest";
import {
  assignSlugs,
  buildDirectory,
  readDirectoryList,
  type Corrections,
  type ListEntry,
} from "@/prisma/directory/entries";

const { list, corrections } = readDirectoryList();
const records = buildDirectory(list, corrections);
const byDomain = (domain: string) => records.find((r) => r.emailDomains.includes(domain) || r.directoryId === domain);

describe("the directory of the world's universities, as the project keeps it", () => {
  it("gives one record per institution: the 10,251 entries less those corrections.json merges", () => {
    expect(list).toHaveLength(10_251);
    const merged = corrections.sameInstitution.reduce((n, g) => {
      const holders = list.filter((e) => e.domains.some((d) => g.domains.includes(d)));
      return n + holders.length - 1;
    }, 0);
    expect(records).toHaveLength(list.length - merged);
  });

  it("puts CUHK's Shenzhen campus in mainland China under its own name, apart from CUHK in Hong Kong", () => {
    const hk = byDomain("cuhk.edu.hk");
    const sz = byDomain("cuhk.edu.cn");
    expect(hk).toMatchObject({ country: "HK", registrySlug: "chinese-university-of-hong-kong" });
    expect(sz).toMatchObject({
      country: "CN",
      name: "The Chinese University of Hong Kong, Shenzhen",
      registrySlug: null,
    });
    expect(hk?.directoryId).not.toBe(sz?.directoryId);
  });

  it("keeps students' domains out of the staff domains", () => {
    const hk = byDomain("cuhk.edu.hk");
    expect(hk?.emailDomains).toEqual(["cuhk.edu.hk"]);
    expect(hk?.nonStaffDomains).toEqual(["link.cuhk.edu.hk"]);
  });

  it("matches every registry institution corrections.json names to exactly one record", () => {
    for (const [slug, domain] of Object.entries(corrections.registry)) {
      const matching = records.filter((r) => r.registrySlug === slug);
      expect(matching, slug).toHaveLength(1);
      expect(matching[0]?.emailDomains).toContain(domain);
    }
    expect(byDomain("xjtu.edu.cn")?.registrySlug).toBe("xian-jiaotong-university");
  });

  it("merges the entries that are one institution, keeping the other name", () => {
    const keio = records.filter((r) => r.name === "Keio University");
    expect(keio).toHaveLength(1);
    expect(keio[0]?.emailDomains.sort()).toEqual(["a2.keio.jp", "keio.ac.jp"]);
    expect(byDomain("sjtu.edu.cn")).toMatchObject({
      name: "Shanghai Jiao Tong University",
      otherNames: ["Shanghai Jiaotong University"],
    });
  });

  it("gives every domain one holder, the shared ones included (khio.no, jazanu.edu.sa, marun.edu.tr)", () => {
    const holders = new Map<string, number>();
    for (const r of records) for (const d of r.emailDomains) holders.set(d, (holders.get(d) ?? 0) + 1);
    expect([...holders.values()].every((n) => n === 1)).toBe(true);
    expect(byDomain("jazanu.edu.sa")?.name).toBe("Jazan University");
    expect(byDomain("marun.edu.tr")?.name).toBe("Marmara University");
    expect(byDomain("khio.no")?.name).toBe("Oslo National Academy of Fine Arts");
  });

  it("tells same-named colleges apart by place in their slugs, and never gives two records one slug", () => {
    const slugs = assignSlugs(records, new Set(["nanjing-medical-university"]));
    expect(slugs.size).toBe(records.length);
    const glendale = records
      .filter((r) => r.name === "Glendale Community College")
      .map((r) => slugs.get(r.directoryId));
    expect(glendale.sort()).toEqual(["glendale-community-college-arizona", "glendale-community-college-california"]);
    expect(new Set(slugs.values()).size).toBe(slugs.size);
    expect([...slugs.values()]).not.toContain("nanjing-medical-university");
    // The registry holds NMU (its slug is taken): the record gets a slug of its own, never NMU's.
    expect(slugs.get("njmu.edu.cn")).not.toBe("nanjing-medical-university");
  });

  it("adds a record the registry should hold but does not (nothing matched it) under the registry's slug", () => {
    // The synthetic world has none of the registry's institutions: every record still gets a slug.
    const slugs = assignSlugs(records, new Set());
    expect(slugs.size).toBe(records.length);
    expect(slugs.get(byDomain("cuhk.edu.hk")!.directoryId)).toBe("chinese-university-of-hong-kong");
  });
});

describe("what the loader refuses to decide by accident", () => {
  const entry = (name: string, code: string, domains: string[]): ListEntry => ({
    name,
    alpha_two_code: code,
    domains,
    web_pages: [`https://${domains[0]}/`],
    "state-province": null,
  });
  const none: Corrections = {
    registry: {},
    sameInstitution: [],
    apart: {},
    fixes: {},
    notTheirDomain: {},
    nonStaffDomains: [],
  };

  it("refuses two entries of one name and country that no correction merges or tells apart", () => {
    const twice = [entry("Hill College", "US", ["hill.edu"]), entry("hill college", "US", ["hillcollege.edu"])];
    expect(() => buildDirectory(twice, none)).toThrow(/Hill College.*2 times/);
    expect(
      buildDirectory(twice, { ...none, sameInstitution: [{ domains: ["hill.edu", "hillcollege.edu"] }] }),
    ).toHaveLength(1);
    expect(buildDirectory(twice, { ...none, apart: { "hill.edu": "Texas", "hillcollege.edu": "Ohio" } })).toHaveLength(
      2,
    );
  });

  it("refuses a domain held by two institutions", () => {
    const shared = [entry("A University", "FR", ["a.fr", "ab.fr"]), entry("B University", "FR", ["b.fr", "ab.fr"])];
    expect(() => buildDirectory(shared, none)).toThrow(/ab\.fr/);
    expect(buildDirectory(shared, { ...none, notTheirDomain: { "B University": "ab.fr" } })).toHaveLength(2);
  });

  it("refuses a correction about an entry the list does not have", () => {
    expect(() =>
      buildDirectory([entry("A University", "FR", ["a.fr"])], { ...none, registry: { x: "gone.fr" } }),
    ).toThrow(/gone\.fr/);
  });
});

describe("an entry whose only domain is another's", () => {
  it("stays in the directory with no domain and no website, keyed by country and name", () => {
    const jazan = records.find((r) => r.name === "College of Technology at Jazan");
    expect(jazan).toMatchObject({ directoryId: "sa:college-of-technology-at-jazan", emailDomains: [], website: null });
  });
});

describe("students' and alumni's domains", () => {
  it("are kept apart from the staff's, by the list's student subdomains and by corrections.json", () => {
    expect(byDomain("uts.edu.au")).toMatchObject({
      emailDomains: ["uts.edu.au"],
      nonStaffDomains: ["student.uts.edu.au"],
    });
    expect(byDomain("ui1.es")?.nonStaffDomains).toEqual(["alumnos.ui1.es"]);
    // stu.edu.cn is Shantou University's own domain, not a students' one.
    expect(byDomain("stu.edu.cn")).toMatchObject({ name: "Shantou University", emailDomains: ["stu.edu.cn"] });
  });

  it("a list entry that is only a university's students' mail joins that university", () => {
    expect(records.filter((r) => r.name.startsWith("Purdue Global University"))).toHaveLength(1);
    expect(byDomain("purdueglobal.edu")?.otherNames).toEqual([]);
    expect(byDomain("purdueglobal.edu")).toMatchObject({
      emailDomains: ["purdueglobal.edu"],
      nonStaffDomains: ["student.purdueglobal.edu"],
    });
  });
});
