// The public record pages read through a pool of their own whose statements PostgreSQL parses and plans once per
// connection (recordDb, lib/data/db.ts): a profile is one statement of 12-14 KB of SQL, and parsing and planning it on
// every first visit was most of the database's work for the page. That holds only while the statements' text does
// not depend on the values: pg keeps every statement it prepared for the life of its connection, and a list of ids
// written out as IN ($1, $2, …) made a statement for each length (the public history's events did).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, recordDb } from "@/lib/data/db";
import { getPublicHistory } from "@/lib/data/history";
import { getInstitutionPage } from "@/lib/data/institutions/profile";
import { getOrganizationCharts } from "@/lib/data/organizations/charts";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";

type Sent = { name?: string; text: string };
const sent: Sent[] = [];
const original = pg.Client.prototype.query;
beforeAll(() => {
  // Every statement any client sends, with the name it was prepared under (none for a one-off statement).
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; name?: string };
    if (typeof config === "object" && config?.text) sent.push({ name: config.name, text: config.text });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});
afterAll(async () => {
  pg.Client.prototype.query = original;
  await Promise.all([db().$disconnect(), recordDb().$disconnect()]);
});

/** Two records of the seed with different numbers of memberships (the most, and one of the fewest). */
async function twoOf(table: "Institution" | "Organization") {
  const side = table === "Institution" ? "institutionId" : "organizationId";
  const rows = await db().$queryRawUnsafe<{ slug: string; n: number }[]>(
    `SELECT t.slug, count(m.id)::int AS n FROM "${table}" t JOIN "Membership" m ON m."${side}" = t.id
     GROUP BY t.slug ORDER BY n DESC, t.slug`,
  );
  const most = rows[0]!;
  const fewer = rows.find((r) => r.n < most.n)!;
  return [most, fewer];
}

/** What reading one record's page sends: its profile, its public history, and for an organization its charts. */
async function readPage(kind: "institution" | "organization", slug: string) {
  const from = sent.length;
  if (kind === "institution")
    await Promise.all([getInstitutionPage(slug, "en"), getPublicHistory({ institution: slug }, "en")]);
  else
    await Promise.all([
      getOrganizationBySlug(slug, "en"),
      getPublicHistory({ organization: slug }, "en"),
      getOrganizationCharts(slug),
    ]);
  return sent.slice(from);
}

describe("the record pages' statements", () => {
  for (const kind of ["institution", "organization"] as const)
    it(`an ${kind}'s page sends prepared statements only, the same whatever its number of memberships`, async () => {
      const [most, fewer] = await twoOf(kind === "institution" ? "Institution" : "Organization");
      expect(most!.n).toBeGreaterThan(fewer!.n);
      const first = await readPage(kind, most!.slug);
      const second = await readPage(kind, fewer!.slug);
      expect(first.length).toBeGreaterThanOrEqual(kind === "institution" ? 3 : 6);
      for (const s of [...first, ...second]) expect(s.name, s.text.slice(0, 120)).toMatch(/^atlas_/);
      expect(new Set(second.map((s) => s.text))).toEqual(new Set(first.map((s) => s.text)));
    });

  it("the public history still lists a record's approved changes newest first, at most 50", async () => {
    const [most] = await twoOf("Organization");
    const history = await getPublicHistory({ organization: most!.slug }, "en");
    expect(history.length).toBeLessThanOrEqual(50);
    const times = history.map((h) => h.at);
    expect(times).toEqual([...times].sort().reverse());
  });
});
