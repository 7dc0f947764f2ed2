// Every lookup a record's page makes from a parent to its rows is answered by an index. An organization's page
// looked its child organizations up by "parentId", which had none: a scan of every organization, 97 ms of each first
// visit on the world database. With sequential scans switched off, the planner still scans only when no index serves.
import { afterAll, describe, expect, it } from "vitest";
import { testPrisma } from "../support/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ORGANIZATION, filterConditions } from "@/lib/data/organizations/search-sql";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const LOOKUPS: [table: string, column: string][] = [
  ["Organization", "parentId"],
  ["OrganizationName", "organizationId"],
  ["OrganizationFounder", "organizationId"],
  ["OrganizationFounder", "institutionId"],
  ["OrganizationPerson", "organizationId"],
  ["OrganizationPerson", "institutionId"],
  ["DeclaredCount", "organizationId"],
  ["Membership", "organizationId"],
  ["Membership", "institutionId"],
  ["MembershipPeriod", "membershipId"],
  ["InstitutionName", "institutionId"],
];

describe("a record page's lookups", () => {
  for (const [table, column] of LOOKUPS)
    it(`"${table}"."${column}" is looked up through an index`, async () => {
      const plan = await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT * FROM "${table}" WHERE "${column}" = ANY($1::text[])`,
          ["a", "b"],
        );
      });
      const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).not.toMatch(/Seq Scan/);
      expect(text).toMatch(/Index/);
    });
});

// A list of organizations by filters alone counts its exact total beside its page. Through the kind index the count
// read the table's page of every organization of that kind (kind=NETWORK, country=DE on the world database: 9,660
// pages for 7,042 rows, 20-25 ms); Organization_kind_facets_idx holds every filter's column, so it reads that index
// alone. With sequential and bitmap scans off, the planner reads the index alone only if the index holds them all.
describe("an organization count by filters alone", () => {
  const filters: [string, Parameters<typeof filterConditions>[0]][] = [
    ["kind", { kind: "NETWORK" }],
    ["kind and country", { kind: "NETWORK", country: "DE" }],
    ["kind, field and year", { kind: "ALLIANCE", field: "MEDICINE", year: 1990 }],
    ["country alone", { country: "CN" }],
  ];
  for (const [name, s] of filters)
    it(`by ${name} reads one index, not the table`, async () => {
      const plan = await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
        return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
          EXPLAIN SELECT count(*) FROM ${ORGANIZATION} WHERE ${Prisma.join(filterConditions(s), " AND ")}`;
      });
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(
        /Index Only Scan using "Organization_kind_facets_idx"/,
      );
    });
});
