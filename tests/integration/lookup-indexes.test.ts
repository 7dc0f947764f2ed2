// Every lookup a record's page makes from a parent to its rows is answered by an index. An organization's page
// looked its child organizations up by "parentId", which had none: a scan of every organization, 97 ms of each first
// visit on the world database. With sequential scans switched off, the planner still scans only when no index serves.
import { afterAll, describe, expect, it } from "vitest";
import { testPrisma } from "../support/db";

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
