// An institution's stored count of memberships (migration institution_member_count), by which the registry search
// lists a query's institutions: kept by triggers on Membership whoever writes, for one row or many at once, when a
// membership moves to another institution, is deleted, or the whole table is rewritten in one statement.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const prisma = testPrisma();
const tag = randomBytes(4).toString("hex");
const ids = { a: "", b: "", orgs: [] as string[], source: "" };

const stored = async (id: string) =>
  (await prisma.institution.findUniqueOrThrow({ where: { id }, select: { memberCount: true } })).memberCount;
const counted = (institutionId: string) => prisma.membership.count({ where: { institutionId } });

beforeAll(async () => {
  ids.source = (await prisma.source.findFirstOrThrow({ select: { id: true } })).id;
  for (const key of ["a", "b"] as const) {
    const name = `Member Count University ${key} ${tag}`;
    ids[key] = (
      await prisma.institution.create({
        data: {
          slug: `member-count-${key}-${tag}`,
          kind: "UNIVERSITY",
          country: "NZ",
          searchText: name,
          names: { create: [{ locale: "en", name, kind: "OFFICIAL" }] },
        },
      })
    ).id;
  }
  for (let i = 0; i < 4; i++)
    ids.orgs.push(
      (
        await prisma.organization.create({
          data: {
            slug: `member-count-alliance-${i}-${tag}`,
            kind: "ALLIANCE",
            names: { create: [{ locale: "en", name: `Member Count Alliance ${i} ${tag}` }] },
          },
        })
      ).id,
    );
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe("an institution's stored membership count", () => {
  it("starts at zero and follows memberships added one at a time and many in one statement", async () => {
    expect(await stored(ids.a)).toBe(0);
    await prisma.membership.create({
      data: { institutionId: ids.a, organizationId: ids.orgs[0]!, sourceId: ids.source },
    });
    expect(await stored(ids.a)).toBe(1);
    await prisma.membership.createMany({
      data: ids.orgs.slice(1).map((organizationId) => ({ institutionId: ids.a, organizationId, sourceId: ids.source })),
    });
    expect(await stored(ids.a)).toBe(4);
    expect(await stored(ids.a)).toBe(await counted(ids.a));
  });

  it("moves with a membership given to another institution, and is unchanged by other edits", async () => {
    await prisma.membership.updateMany({
      where: { institutionId: ids.a, organizationId: { in: ids.orgs.slice(0, 2) } },
      data: { institutionId: ids.b },
    });
    expect([await stored(ids.a), await stored(ids.b)]).toEqual([2, 2]);
    await prisma.membership.updateMany({ where: { institutionId: ids.a }, data: { notes: "edited" } });
    expect([await stored(ids.a), await stored(ids.b)]).toEqual([2, 2]);
  });

  it("falls with deletions, and a rolled-back insert leaves it as it was", async () => {
    await prisma.membership.deleteMany({ where: { institutionId: ids.b } });
    expect(await stored(ids.b)).toBe(0);
    await prisma
      .$transaction(async (tx) => {
        await tx.membership.create({
          data: { institutionId: ids.b, organizationId: ids.orgs[0]!, sourceId: ids.source },
        });
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await stored(ids.b)).toBe(0);
    expect(await stored(ids.a)).toBe(await counted(ids.a));
  });

  it("matches the memberships of every institution in the database", async () => {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Institution" i
       WHERE i."memberCount" <> (SELECT count(*) FROM "Membership" m WHERE m."institutionId" = i.id)`,
    );
    expect(Number(row!.n)).toBe(0);
  });
});
