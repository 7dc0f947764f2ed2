// An institution's number of memberships, wherever the portal shows it (the institutions list and search, the open
// API's list and record, the reconciliation preview, the downloads), is the stored Institution.memberCount, kept by
// triggers on Membership (tests/integration/institution-member-count.test.ts). Prisma's `_count` of the relation had
// counted the whole Membership table grouped by institution, then joined: 350 ms on the world database for a single
// institution; counting per page after it was one statement more per read. Every statement these reads send is
// recorded here, and none may read Membership.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const prisma = testPrisma();
const { listInstitutions } = await import("@/lib/data/institutions/list");
const { getApiInstitution, listApiInstitutions } = await import("@/lib/data/open/api");
const { getReconcilePreview } = await import("@/lib/data/open/reconcile-records");
const { loadOpenDataset } = await import("@/lib/data/open/datasets");
const { loadOpenDatasetSummary, openDatasetBatches } = await import("@/lib/data/open/dataset-batches");
const { datasetFileChunks } = await import("@/lib/open-data/formats");
const { apiInstitutionQuerySchema } = await import("@/lib/validation/api");
const { institutionSearch } = await import("../support/search");

const tag = randomBytes(4).toString("hex");
const SLUG = `counted-university-${tag}`;
const NAME = `Counted University ${tag}`;

// Every statement node-postgres sends from this process (Prisma's adapter goes through pg.Client.query).
const statements: string[] = [];
const query = pg.Client.prototype.query;
beforeAll(async () => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    statements.push(typeof first === "string" ? first : ((first as { text?: string })?.text ?? ""));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const institution = await prisma.institution.create({
    data: {
      slug: SLUG,
      kind: "UNIVERSITY",
      country: "CN",
      // As the portal's own writes fill it (buildSearchText): the search reads it.
      searchText: NAME,
      names: { create: [{ locale: "en", name: NAME, kind: "OFFICIAL" }] },
    },
  });
  for (let i = 0; i < 3; i++) {
    const organization = await prisma.organization.create({
      data: {
        slug: `counted-alliance-${i}-${tag}`,
        kind: "ALLIANCE",
        names: { create: [{ locale: "en", name: `Counted ${i} ${tag}` }] },
      },
    });
    await prisma.membership.create({
      data: { institutionId: institution.id, organizationId: organization.id, sourceId: source.id },
    });
  }
});
afterAll(async () => {
  pg.Client.prototype.query = query;
  await prisma.$disconnect();
});

/** The statements `read` sends that read Membership. */
async function membershipStatements(read: () => Promise<unknown>) {
  statements.length = 0;
  await read();
  return statements.filter((s) => /"Membership"/.test(s));
}

/** The read counted nothing: it sent no statement that reads Membership. */
function expectNoCounting(sqls: string[]) {
  expect(sqls).toEqual([]);
}

describe("membership counts", () => {
  it("the institutions list and search: the right count, read with the institutions", async () => {
    let count: number | undefined;
    expectNoCounting(
      await membershipStatements(async () => {
        const list = await listInstitutions(institutionSearch({ q: NAME }), "en");
        count = list.items.find((i) => i.slug === SLUG)?.membershipCount;
      }),
    );
    expect(count).toBe(3);
  });

  it("the open API's list and record", async () => {
    let listed: number | undefined;
    let record: number | undefined;
    expectNoCounting(
      await membershipStatements(async () => {
        const page = await listApiInstitutions(apiInstitutionQuerySchema.parse({ q: NAME, limit: "10" }));
        listed = page.data.find((i) => i.slug === SLUG)?.membershipCount;
      }),
    );
    expectNoCounting(
      await membershipStatements(async () => {
        record = (await getApiInstitution(SLUG)).membershipCount;
      }),
    );
    expect([listed, record]).toEqual([3, 3]);
  });

  it("the reconciliation preview", async () => {
    let memberships: number | undefined;
    expectNoCounting(
      await membershipStatements(async () => {
        memberships = (await getReconcilePreview({ type: "institution", slug: SLUG })).memberships;
      }),
    );
    expect(memberships).toBe(3);
  });

  it("an institution's download, and the whole registry's", async () => {
    const one = await loadOpenDataset({ kind: "institution", slug: SLUG });
    expect(one.institutions.find((i) => i.slug === SLUG)?.membershipCount).toBe(3);
    const all = await loadOpenDataset({ kind: "all" });
    const byInstitution = new Map<string, number>();
    for (const m of all.memberships)
      byInstitution.set(m.institution.slug, (byInstitution.get(m.institution.slug) ?? 0) + 1);
    for (const i of all.institutions) expect(i.membershipCount, i.slug).toBe(byInstitution.get(i.slug) ?? 0);
  });

  it("the whole registry's streamed institutions.csv", async () => {
    const summary = await loadOpenDatasetSummary();
    let csv = "";
    const sqls = await membershipStatements(async () => {
      for await (const chunk of datasetFileChunks(openDatasetBatches(summary, 2000), "institutions.csv", ""))
        csv += chunk;
    });
    expectNoCounting(sqls);
    const row = csv.split("\r\n").find((line) => line.startsWith(`${SLUG},`));
    expect(row?.split(",")[9]).toBe("3");
  });
});
