import "server-only";
import { db } from "../db";
import { Prisma } from "../../generated/prisma/client";
import { env } from "../../env";
import { NotFoundError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import { institutionNameSelect, organizationNameSelect } from "../selects";
import { publicChangeSource, publicChangeValues } from "../../shared/public-change-fields";
import {
  PUBLIC_CHANGE_EVENTS,
  type ChangePosition,
  type PublicChange,
  type PublicChangeEvent,
  type PublicChangeRecord,
  type PublicChangeSide,
} from "../../shared/types/changes";

// The stream of approved public changes (/api/v1/changes, the Atom feeds): the audit rows of the events that
// change public data, each with its record named and only its public fields. No actor: nothing private is read.
//
// Why the order is (txId, id) and not the event id alone, and why some committed rows wait: AuditEvent.id comes
// from a sequence, drawn when a row is inserted, but transactions commit in their own order. A transaction that
// drew id 99 may still be running when one that drew id 100 has committed; a reader given "after 100" would
// never see 99. So each row also stores the id of the transaction that wrote it (txId, the xid8), and a page
// hands out only rows of transactions older than the oldest one still running anywhere in the cluster
// (pg_snapshot_xmin of the current snapshot): every transaction still to commit has a txId at or above that
// horizon, so no row can later appear before a position already handed out. A long-running transaction delays
// the stream (its rows and every later one wait for it); it never loses a change. Transaction ids belong to the
// PostgreSQL server: a backup restored into another server, whose counter is lower, would order its new changes
// before the restored ones (clients would then have to start again from a date) until its counter passes theirs.

export type PublicChangesPage = { items: PublicChange[]; next: ChangePosition };

type EventRow = {
  id: string;
  txId: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** The largest event id: a position "after every event of transaction tx". */
const LAST_ID = "9223372036854775807";

const isPublicEvent = (action: string): action is PublicChangeEvent =>
  (PUBLIC_CHANGE_EVENTS as readonly string[]).includes(action);

const site = () => env().SITE_URL.replace(/\/$/, "");

function side(kind: "organizations" | "institutions", slug: string, name: string): PublicChangeSide {
  return { slug, name, pageUrl: `${site()}/en/${kind}/${slug}`, apiUrl: `${site()}/api/v1/${kind}/${slug}` };
}

/** The records the events are about, by "<entityType>:<entityId>"; a record since removed is absent. */
async function loadRecords(rows: { entityType: string; entityId: string }[]) {
  const ids = (type: string) => rows.filter((r) => r.entityType === type).map((r) => r.entityId);
  const [memberships, institutions, organizations] = await Promise.all([
    db().membership.findMany({
      where: { id: { in: ids("Membership") } },
      select: {
        id: true,
        institution: { select: { slug: true, names: institutionNameSelect } },
        organization: { select: { slug: true, names: organizationNameSelect } },
      },
    }),
    db().institution.findMany({
      where: { id: { in: ids("Institution") } },
      select: { id: true, slug: true, names: institutionNameSelect },
    }),
    db().organization.findMany({
      where: { id: { in: ids("Organization") } },
      select: { id: true, slug: true, names: organizationNameSelect },
    }),
  ]);
  const records = new Map<string, PublicChangeRecord>();
  for (const m of memberships) {
    const institution = side("institutions", m.institution.slug, pickName(m.institution.names, "en").name);
    const organization = side("organizations", m.organization.slug, pickName(m.organization.names, "en").name);
    const query = new URLSearchParams({ institution: institution.slug, organization: organization.slug });
    records.set(`Membership:${m.id}`, {
      type: "membership",
      id: m.id,
      name: `${institution.name} in ${organization.name}`,
      institution,
      organization,
      pageUrl: institution.pageUrl,
      apiUrl: `${site()}/api/v1/memberships?${query}`,
    });
  }
  for (const i of institutions)
    records.set(`Institution:${i.id}`, {
      type: "institution",
      ...side("institutions", i.slug, pickName(i.names, "en").name),
    });
  for (const o of organizations)
    records.set(`Organization:${o.id}`, {
      type: "organization",
      ...side("organizations", o.slug, pickName(o.names, "en").name),
    });
  return records;
}

/** The rows as public changes, in the order given. A row whose record no longer exists has no page to name. */
async function toPublicChanges(rows: EventRow[]): Promise<PublicChange[]> {
  const records = await loadRecords(rows);
  return rows.flatMap((r) => {
    const record = records.get(`${r.entityType}:${r.entityId}`);
    if (!record || !isPublicEvent(r.action)) return [];
    const after = publicChangeValues(r.action, r.after);
    return {
      id: r.id,
      position: { tx: r.txId, id: r.id },
      event: r.action,
      at: r.at.toISOString(),
      record,
      before: publicChangeValues(r.action, r.before),
      after,
      source: publicChangeSource(after),
    };
  });
}

const later = (a: ChangePosition, b: ChangePosition) =>
  BigInt(a.tx) > BigInt(b.tx) || (a.tx === b.tx && BigInt(a.id) > BigInt(b.id)) ? a : b;

/**
 * The public changes after `after` (from the start when null) in (txId, id) order, `limit` at most, and the
 * position to ask from next: always given, so a client polls with it even when nothing was new. `since` keeps only
 * events applied after that moment (a first page by date; the position then takes over).
 */
export async function listPublicChanges(input: {
  after: ChangePosition | null;
  since?: Date;
  limit: number;
}): Promise<PublicChangesPage> {
  const { after, since, limit } = input;
  const conditions = [
    Prisma.sql`e.action IN (${Prisma.join([...PUBLIC_CHANGE_EVENTS])})`,
    Prisma.sql`e."txId" < h.horizon`,
    ...(after ? [Prisma.sql`(e."txId", e.id) > (${after.tx}::bigint, ${after.id}::bigint)`] : []),
    ...(since ? [Prisma.sql`e.at > ${since}`] : []),
  ];
  // One statement, so the horizon and the rows come from the same snapshot.
  const rows = await db().$queryRaw<(Partial<EventRow> & { horizon: string })[]>`
    WITH h AS (SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS horizon)
    SELECT h.horizon::text AS horizon, p.* FROM h LEFT JOIN LATERAL (
      SELECT e.id::text AS id, e."txId"::text AS "txId", e.at, e.action, e."entityType", e."entityId",
        e.before, e.after
      FROM "AuditEvent" e WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY e."txId", e.id LIMIT ${limit + 1}
    ) p ON true`;
  const horizon = BigInt(rows[0]?.horizon ?? "0");
  const found = rows.filter((r): r is EventRow & { horizon: string } => r.id != null);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const start: ChangePosition = after ?? { tx: "0", id: "0" };
  // A full page continues from its last row (even one left out for a removed record); a short one has given
  // every public row below the horizon, so the next page starts there and skips the private events between.
  const next =
    found.length > limit && last
      ? { tx: last.txId, id: last.id }
      : later({ tx: String(horizon - BigInt(1)), id: LAST_ID }, start);
  return { items: await toPublicChanges(page), next };
}

/**
 * The newest public changes, newest first, of every record or of one organization or institution (itself and its
 * memberships): what an Atom feed lists. A feed reader keeps entries by id, so no horizon is needed here.
 * An unknown slug is a NotFoundError.
 */
export async function listRecentPublicChanges(input: {
  organization?: string;
  institution?: string;
  limit: number;
}): Promise<PublicChange[]> {
  let scope: Prisma.AuditEventWhereInput = {};
  if (input.organization || input.institution) {
    const type = input.organization ? "Organization" : "Institution";
    const record = input.organization
      ? await db().organization.findUnique({ where: { slug: input.organization }, select: { id: true } })
      : await db().institution.findUnique({ where: { slug: input.institution }, select: { id: true } });
    if (!record)
      throw new NotFoundError(`No ${type.toLowerCase()} has the slug "${input.organization ?? input.institution}".`);
    const memberships = await db().membership.findMany({
      where: input.organization ? { organizationId: record.id } : { institutionId: record.id },
      select: { id: true },
    });
    scope = {
      OR: [
        { entityType: type, entityId: record.id },
        { entityType: "Membership", entityId: { in: memberships.map((m) => m.id) } },
      ],
    };
  }
  const rows = await db().auditEvent.findMany({
    where: { action: { in: [...PUBLIC_CHANGE_EVENTS] }, ...scope },
    select: {
      id: true,
      txId: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: input.limit,
  });
  return toPublicChanges(rows.map((r) => ({ ...r, id: String(r.id), txId: String(r.txId) })));
}
