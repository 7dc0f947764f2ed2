// A small approved dataset, as lib/data gives it, for the files' unit tests (no database).
import type { OpenDataset } from "@/lib/data/open/datasets";

export const at = "2026-11-30T07:00:00.000Z";
const source = { title: "Members, 2019", publisher: null, url: "https://example.org/members?a=1&b=2" };
const noSources = { name: null, city: null, website: null, rorId: null, wikidataId: null };

/** A small whole dataset with a bit of everything the files must carry (quotes, Chinese names, earlier periods). */
export function dataset(site: string): OpenDataset {
  const sides = { state: "NEITHER" as const, institutionConfirmedOn: null, organization: null };
  return {
    scope: { kind: "all" },
    modifiedAt: at,
    organizations: [
      {
        slug: "eurasia-pacific-uninet",
        url: `${site}/en/organizations/eurasia-pacific-uninet`,
        kind: "NETWORK",
        name: { en: "Eurasia-Pacific Uninet, the network", zh: "欧亚太平洋大学联盟" },
        acronym: "EPU",
        founded: { iso: "2000", precision: "YEAR" },
        fields: ["SCIENCE", "HIGHER_EDUCATION"],
        website: "https://www.eurasiapacific.net/",
        wikidataId: "Q1377",
        countries: ["AT", "CN"],
        memberCount: 2,
        updatedAt: at,
      },
      {
        slug: "brimea",
        url: `${site}/en/organizations/brimea`,
        kind: "ALLIANCE",
        name: { en: 'The "Belt and Road" alliance', zh: null },
        acronym: null,
        founded: { iso: "2016-05", precision: "MONTH" },
        fields: [],
        website: null,
        wikidataId: null,
        countries: [],
        memberCount: 0,
        updatedAt: at,
      },
    ],
    institutions: [
      {
        slug: "nanjing-medical-university",
        url: `${site}/en/institutions/nanjing-medical-university`,
        kind: "UNIVERSITY",
        name: { en: "Nanjing Medical University", zh: "南京医科大学" },
        country: "CN",
        city: "Nanjing",
        website: "http://www.njmu.edu.cn/",
        rorId: "059gcgy73",
        wikidataId: "Q1147339",
        membershipCount: 1,
        sources: noSources,
        updatedAt: at,
      },
      {
        slug: "university-of-vienna",
        url: `${site}/en/institutions/university-of-vienna`,
        kind: "UNIVERSITY",
        name: { en: "University of Vienna", zh: null },
        country: "AT",
        city: null,
        website: null,
        rorId: null,
        wikidataId: null,
        membershipCount: 1,
        sources: noSources,
        updatedAt: at,
      },
    ],
    memberships: [
      {
        id: "cm0000000000000000000001",
        organization: { slug: "eurasia-pacific-uninet", name: "Eurasia-Pacific Uninet", wikidataId: "Q1377" },
        institution: {
          slug: "nanjing-medical-university",
          name: "Nanjing Medical University",
          country: "CN",
          wikidataId: null,
        },
        role: "FOUNDING_MEMBER",
        status: "ACTIVE",
        joined: { iso: "2016-05-04", precision: "DAY" },
        ended: null,
        notes: '-listed twice, "first" on page 2',
        source,
        periods: [{ joined: { iso: "2016-05-04", precision: "DAY" }, ended: null, current: true, source }],
        sides,
        updatedAt: at,
      },
      {
        id: "cm0000000000000000000002",
        organization: { slug: "eurasia-pacific-uninet", name: "Eurasia-Pacific Uninet", wikidataId: "Q1377" },
        institution: { slug: "university-of-vienna", name: "University of Vienna", country: "AT", wikidataId: null },
        role: "NOT_STATED",
        status: "WITHDRAWN",
        joined: { iso: "2001", precision: "YEAR" },
        ended: { iso: "2019-11", precision: "MONTH" },
        notes: null,
        source: null,
        // Left, then rejoined, then left again: the periods column holds both, earliest first.
        periods: [
          { joined: null, ended: { iso: "1998", precision: "YEAR" }, current: false, source },
          {
            joined: { iso: "2001", precision: "YEAR" },
            ended: { iso: "2019-11", precision: "MONTH" },
            current: true,
            source: null,
          },
        ],
        sides,
        updatedAt: at,
      },
    ],
  };
}
