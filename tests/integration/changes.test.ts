// The public changes stream (lib/data/open/changes.ts), on records of this file's own in the seeded database: order
// and pages, a change whose transaction commits after a later one, private values never shown, pending and rejected
// proposals absent.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import type { ChangePosition, PublicChange } from "@/lib/shared/types/changes";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const { listPublicChanges, listRecentPublicChanges } = await import("@/lib/data/open/changes");
const { approveChangeRequest, rejectChangeRequest } = await import("@/lib/data/change-requests/decide");
const { proposeMembershipUpdate } = await import("@/lib/data/change-requests/propose");
const { membershipValuesSchema } = await import("@/lib/validation/memberships");
const { NotFoundError } = await import("@/lib/shared/errors");
const { db } = await import("@/lib/data/db");

const prisma = testPrisma();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
// This file's own university, its staff and three organizations it belongs to: the changes it approves, leaves pending
// and rejects never touch the seed's records, which the other files that write read as the seed has them.
const tag = randomBytes(4).toString("hex");
const NMU = `changes-university-${tag}`;
const BRIMEA = `changes-alliance-${tag}`;
const EPU = `changes-network-${tag}`;
const M9 = `changes-consortium-${tag}`;
let admin: Actor;
let nmuStaff: Actor;

beforeAll(async () => {
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const institution = await prisma.institution.create({
    data: {
      slug: NMU,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: [{ locale: "en", name: `Changes Test University ${tag}`, kind: "OFFICIAL" }] },
    },
  });
  for (const [slug, name] of [
    [BRIMEA, "Changes Test Alliance"],
    [EPU, "Changes Test Network"],
    [M9, "Changes Test Consortium"],
  ] as const) {
    const organization = await prisma.organization.create({
      data: { slug, kind: "ALLIANCE", names: { create: [{ locale: "en", name: `${name} ${tag}` }] } },
    });
    await prisma.membership.create({
      data: {
        institutionId: institution.id,
        organizationId: organization.id,
        role: "MEMBER",
        joinedOn: new Date("2016-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        sourceId: source.id,
      },
    });
  }
  const email = `staff-${NMU}@example.org`;
  await prisma.user.create({
    data: { email, name: "Changes Test Staff", role: "STAFF", staffRole: "MANAGER", institutionId: institution.id },
  });
  [admin, nmuStaff] = await Promise.all([loadActor(prisma, "admin@atlas.test"), loadActor(prisma, email)]);
});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
  await db().$disconnect();
});

const key = (p: ChangePosition) => [BigInt(p.tx), BigInt(p.id)] as const;
const precedes = (a: ChangePosition, b: ChangePosition) => {
  const [at, ai] = key(a);
  const [bt, bi] = key(b);
  return at < bt || (at === bt && ai < bi);
};

/** Every change after `from`, page by page (`limit` each), and the position to go on from. */
async function walk(from: ChangePosition | null, limit: number) {
  const items: PublicChange[] = [];
  let after = from;
  for (let pages = 0; pages < 500; pages++) {
    const page = await listPublicChanges({ after, limit });
    items.push(...page.items);
    if (after) expect(precedes(after, page.next) || after.tx === page.next.tx).toBe(true);
    after = page.next;
    if (page.items.length < limit) return { items, next: after };
  }
  throw new Error("the pages do not end");
}

/**
 * Pages from `from` until `done` holds for what they gave: the horizon is the whole PostgreSQL server's, so a
 * transaction of another test (or another database) may hold the stream back for a moment. Waits on the data.
 */
async function walkUntil(from: ChangePosition, done: (items: PublicChange[]) => boolean) {
  const items: PublicChange[] = [];
  let after = from;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const page = await walk(after, 10);
    items.push(...page.items);
    after = page.next;
    if (done(items)) return { items, next: after };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the stream did not give the expected changes: ${items.map((i) => i.id).join(", ")}`);
}

async function membershipOf(organization: string) {
  return prisma.membership.findFirstOrThrow({
    where: { institution: { slug: NMU }, organization: { slug: organization } },
    select: { id: true, version: true },
  });
}

const values = (over: Record<string, string>) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/changes",
    sourceTitle: "NMU news",
    sourceQuote: `Stated on our page (${Math.random().toString(36).slice(2)})`,
    ...over,
  });

/** The current end of the stream (what a new client would start polling from). */
async function end() {
  return (await walk(null, 100)).next;
}

/** Writes an audit row as the portal's writers do, on `client` (inside its transaction if one is open). */
async function insertEvent(
  client: pg.PoolClient | pg.Pool,
  entityId: string,
  after: Record<string, unknown>,
  at = new Date(),
) {
  const r = await client.query<{ id: string }>(
    `INSERT INTO "AuditEvent" (action, "entityType", "entityId", "actorId", "proposerId", before, after, at)
     VALUES ('membership.update', 'Membership', $1, $2, $2, $3, $4, $5) RETURNING id::text AS id`,
    [entityId, nmuStaff.id, JSON.stringify({ role: "MEMBER" }), JSON.stringify(after), at],
  );
  return r.rows[0]!.id;
}

describe("the public changes stream", () => {
  it("gives an approved change once, in order, across pages of any size, with its record and source", async () => {
    const from = await end();
    const m = await membershipOf(BRIMEA);
    const request = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: "From our archive",
      values: values({ joined: "2018", notes: "Founding member" }),
    });
    await approveChangeRequest(admin, request.id, null);
    const { items } = await walkUntil(from, (got) => got.some((c) => c.record.type === "membership"));
    const change = items.find((c) => c.event === "membership.update")!;
    expect(change.record).toMatchObject({
      type: "membership",
      institution: { slug: NMU },
      organization: { slug: BRIMEA },
    });
    expect(change.record.apiUrl).toContain(`/api/v1/memberships?institution=${NMU}&`);
    expect(change.after).toMatchObject({ joined: { iso: "2018", precision: "YEAR" }, notes: "Founding member" });
    expect(change.source).toMatchObject({ title: "NMU news", url: "https://example.org/changes" });

    // Small pages and one big page give the same changes in the same strictly increasing order, up to where the
    // big one stopped (other tests may write meanwhile: nothing can appear before a position once handed out).
    const all = await walk(null, 100);
    const small = await walk(null, 3);
    const upToAll = small.items.filter((c) => !precedes(all.next, c.position));
    expect(upToAll.map((c) => c.id)).toEqual(all.items.map((c) => c.id));
    for (let i = 1; i < all.items.length; i++)
      expect(precedes(all.items[i - 1]!.position, all.items[i]!.position)).toBe(true);
    expect(new Set(all.items.map((c) => c.id)).size).toBe(all.items.length);
  });

  it(`a change whose transaction commits after a later one is still given on the next page (the sequence's \
ids are not the commit order)`, async () => {
    const from = await end();
    const [first, second] = [await membershipOf(BRIMEA), await membershipOf(EPU)];
    const early = await pool.connect();
    const late = await pool.connect();
    try {
      // `late` has its transaction id first, then `early` draws the smaller event id and stays open while
      // `late` writes the larger one and commits: a reader keyed on event ids alone would pass 99 by for good.
      await late.query("BEGIN");
      await late.query("SELECT pg_current_xact_id()");
      await early.query("BEGIN");
      const earlyId = await insertEvent(early, first.id, { role: "MEMBER", notes: "early" });
      const lateId = await insertEvent(late, second.id, { role: "MEMBER", notes: "late" });
      expect(BigInt(earlyId)).toBeLessThan(BigInt(lateId));
      await late.query("COMMIT");

      const seen = await walkUntil(from, (got) => got.some((c) => c.id === lateId));
      expect(seen.items.map((c) => c.id)).not.toContain(earlyId);

      await early.query("COMMIT");
      const next = await walkUntil(seen.next, (got) => got.some((c) => c.id === earlyId));
      expect(next.items.map((c) => c.id)).not.toContain(lateId);
    } finally {
      early.release();
      late.release();
    }
  });

  it("withholds a committed change while an older transaction is still open, and gives both in order", async () => {
    const from = await end();
    const m = await membershipOf(BRIMEA);
    const open = await pool.connect();
    try {
      await open.query("BEGIN");
      const openId = await insertEvent(open, m.id, { role: "MEMBER", notes: "held open" });
      const committedId = await insertEvent(pool, m.id, { role: "MEMBER", notes: "committed" });
      const page = await walk(from, 10);
      expect(page.items.map((c) => c.id)).not.toContain(committedId);
      expect(page.items.map((c) => c.id)).not.toContain(openId);
      await open.query("COMMIT");
      const { items } = await walkUntil(from, (got) => got.some((c) => c.id === committedId));
      const ids = items.map((c) => c.id);
      expect(ids.indexOf(openId)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(openId)).toBeLessThan(ids.indexOf(committedId));
    } finally {
      open.release();
    }
  });

  it("shows only public fields: never an account's id, an e-mail address or an institution's internal id", async () => {
    const from = await end();
    const m = await membershipOf(BRIMEA);
    const id = await insertEvent(pool, m.id, {
      role: "MEMBER",
      notes: "public note",
      email: "secret@njmu.test",
      institutionId: "internal-institution-id",
      proposerName: "A. Staff",
      reviewComment: "internal",
    });
    const { items } = await walkUntil(from, (got) => got.some((c) => c.id === id));
    const change = items.find((c) => c.id === id)!;
    expect(change.after).toEqual({ role: "MEMBER", notes: "public note" });
    const text = JSON.stringify(items);
    for (const secret of ["secret@njmu.test", "internal-institution-id", "A. Staff", nmuStaff.id, admin.id])
      expect(text).not.toContain(secret);
  });

  it("never gives a pending or a rejected proposal, nor the rejection itself", async () => {
    const from = await end();
    const m = await membershipOf(EPU);
    const other = await membershipOf(M9);
    const pending = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({ notes: "pending note" }),
    });
    const rejected = await proposeMembershipUpdate(nmuStaff, {
      membershipId: other.id,
      baseVersion: other.version,
      reason: null,
      values: values({ notes: "rejected note" }),
    });
    await rejectChangeRequest(admin, rejected.id, "Not supported by the source.");
    const rejection = await prisma.auditEvent.findFirstOrThrow({ where: { changeRequestId: rejected.id } });
    // A marker change after them: once it is given, everything before it has been given too.
    const marker = await insertEvent(pool, m.id, { role: "MEMBER", notes: "marker" });
    const { items } = await walkUntil(from, (got) => got.some((c) => c.id === marker));
    expect(items.map((c) => c.id)).not.toContain(String(rejection.id));
    const text = JSON.stringify(items);
    expect(text).not.toContain("pending note");
    expect(text).not.toContain("rejected note");
    expect(await prisma.changeRequest.count({ where: { id: pending.id, status: "PENDING" } })).toBe(1);
  });

  it("since a moment: only changes applied after it", async () => {
    const m = await membershipOf(BRIMEA);
    const now = Date.now();
    const earlier = await insertEvent(pool, m.id, { role: "MEMBER", notes: "before" }, new Date(now - 60_000));
    const later = await insertEvent(pool, m.id, { role: "MEMBER", notes: "after" }, new Date(now));
    const moment = new Date(now - 30_000);
    const deadline = Date.now() + 30_000;
    let ids: string[] = [];
    while (!ids.includes(later) && Date.now() < deadline)
      ids = (await listPublicChanges({ after: null, since: moment, limit: 100 })).items.map((c) => c.id);
    expect(ids).toContain(later);
    expect(ids).not.toContain(earlier);
  });

  it(`feeds: an organization's recent changes include its members' memberships; an unknown slug is not \
found`, async () => {
    const m = await membershipOf(BRIMEA);
    const id = await insertEvent(pool, m.id, { role: "MEMBER", notes: "for the feeds" });
    const organization = await listRecentPublicChanges({ organization: BRIMEA, limit: 50 });
    const institution = await listRecentPublicChanges({ institution: NMU, limit: 50 });
    const everything = await listRecentPublicChanges({ limit: 50 });
    for (const feed of [organization, institution, everything]) expect(feed.map((c) => c.id)).toContain(id);
    expect((await listRecentPublicChanges({ organization: EPU, limit: 50 })).map((c) => c.id)).not.toContain(id);
    for (let i = 1; i < organization.length; i++) expect(organization[i - 1]!.at >= organization[i]!.at).toBe(true);
    await expect(listRecentPublicChanges({ organization: "no-such-organization", limit: 5 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
