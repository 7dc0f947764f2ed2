import "server-only";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import { fromStoredDate, type PartialDate } from "../../shared/dates";
import type { CountQualifier, DatePrecision } from "../../generated/prisma/enums";

// The admins' discrepancy report: where the registry's facts disagree with each other. Each list is computed in
// SQL and capped; the totals are exact. The raw SQL interpolates only constants of this file (never input).
const LIMIT = 100;

type Ref = { slug: string; name: string };
type Listed<T> = { total: number; rows: T[] };

export type DiscrepancyReport = {
  counts: Listed<{
    organization: Ref;
    qualifier: CountQualifier;
    declared: number;
    asOf: PartialDate | null;
    listed: number;
  }>;
  joinedBeforeFounded: Listed<{ organization: Ref; institution: Ref; joined: PartialDate; founded: PartialDate }>;
  onlyInstitution: Listed<{ organization: Ref; institution: Ref; confirmedOn: string }>;
  onlyOrganization: Listed<{
    organization: Ref;
    institution: Ref;
    reason: "FOUNDER_NOT_MEMBER" | "NOT_CONFIRMED_BY_INSTITUTION";
  }>;
  duplicateInstitutions: Listed<{ a: Ref; b: Ref; similarity: number }>;
  duplicateOrganizations: Listed<{ a: Ref; b: Ref; similarity: number }>;
};

// The English official name, else any official name.
const orgName = (alias: string) =>
  `(SELECT n.name FROM "OrganizationName" n WHERE n."organizationId" = ${alias}.id AND n.kind = 'OFFICIAL'
    AND n."validUntil" IS NULL ORDER BY (n.locale = 'en') DESC, n.locale LIMIT 1)`;
const instName = (alias: string) =>
  `(SELECT n.name FROM "InstitutionName" n WHERE n."institutionId" = ${alias}.id AND n.kind = 'OFFICIAL'
    ORDER BY (n.locale = 'en') DESC, n.locale LIMIT 1)`;

function listed<T>(rows: (T & { total: bigint | number })[]): Listed<T> {
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { total, rows: rows.map(({ total: _total, ...row }) => row as unknown as T) };
}

const ref = (slug: string, name: string | null) => ({ slug, name: name ?? slug });

/** A membership's two sides as the raw queries below name them. */
type PairRow = { oslug: string; oname: string; islug: string; iname: string; total: bigint };
const sides = (r: PairRow) => ({ organization: ref(r.oslug, r.oname), institution: ref(r.islug, r.iname) });
const MEMBERSHIP_SIDES = `FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
      JOIN "Institution" i ON i.id = m."institutionId"`;
const PAIR_COLUMNS = () =>
  `o.slug AS oslug, ${orgName("o")} AS oname, i.slug AS islug, ${instName("i")} AS iname, count(*) OVER () AS total`;

/** The latest declared member count against the members listed (ended memberships excluded). */
async function countGaps(): Promise<DiscrepancyReport["counts"]> {
  const rows = await db().$queryRawUnsafe<
    {
      slug: string;
      name: string;
      qualifier: CountQualifier;
      value: number;
      asOf: Date | null;
      asOfPrecision: DatePrecision | null;
      listed: bigint;
      total: bigint;
    }[]
  >(`
      SELECT o.slug, ${orgName("o")} AS name, d.qualifier, d.value, d."asOf", d."asOfPrecision", l.listed,
             count(*) OVER () AS total
      FROM "Organization" o
      JOIN LATERAL (SELECT * FROM "DeclaredCount" d WHERE d."organizationId" = o.id AND d.subject = 'MEMBERS'
                    ORDER BY d."asOf" DESC NULLS LAST LIMIT 1) d ON true
      JOIN LATERAL (SELECT count(*) AS listed FROM "Membership" m
                    WHERE m."organizationId" = o.id AND m.status <> 'WITHDRAWN') l ON true
      WHERE CASE d.qualifier WHEN 'EXACTLY' THEN l.listed <> d.value ELSE l.listed < d.value END
      ORDER BY d.value - l.listed DESC, o.slug LIMIT ${LIMIT}`);
  return listed(
    rows.map((r) => ({
      organization: ref(r.slug, r.name),
      qualifier: r.qualifier,
      declared: r.value,
      asOf: fromStoredDate(r.asOf, r.asOfPrecision),
      listed: Number(r.listed),
      total: r.total,
    })),
  );
}

// Both dates cut to the coarser of their two precisions.
const COARSER = `CASE WHEN 'YEAR' IN (m."joinedPrecision"::text, o."foundedPrecision"::text) THEN 'year'
                      WHEN 'MONTH' IN (m."joinedPrecision"::text, o."foundedPrecision"::text) THEN 'month'
                      ELSE 'day' END`;

/** Joined before the organization was founded, compared at the coarser of the two precisions. */
async function joinedBeforeFounded(): Promise<DiscrepancyReport["joinedBeforeFounded"]> {
  const rows = await db().$queryRawUnsafe<
    (PairRow & { joinedOn: Date; joinedPrecision: DatePrecision; foundedOn: Date; foundedPrecision: DatePrecision })[]
  >(`
      SELECT ${PAIR_COLUMNS()}, m."joinedOn", m."joinedPrecision", o."foundedOn", o."foundedPrecision"
      ${MEMBERSHIP_SIDES}
      WHERE m."joinedOn" IS NOT NULL AND o."foundedOn" IS NOT NULL
        AND date_trunc(${COARSER}, m."joinedOn") < date_trunc(${COARSER}, o."foundedOn")
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`);
  return listed(
    rows.map((r) => ({
      ...sides(r),
      joined: fromStoredDate(r.joinedOn, r.joinedPrecision)!,
      founded: fromStoredDate(r.foundedOn, r.foundedPrecision)!,
      total: r.total,
    })),
  );
}

/** Stated by the institution, never by the organization's own source. */
async function onlyInstitution(): Promise<DiscrepancyReport["onlyInstitution"]> {
  const rows = await db().$queryRawUnsafe<(PairRow & { confirmedAt: Date })[]>(`
      SELECT ${PAIR_COLUMNS()}, m."confirmedAt"
      ${MEMBERSHIP_SIDES}
      WHERE m."confirmedAt" IS NOT NULL AND m."organizationConfirmedAt" IS NULL
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`);
  return listed(
    rows.map((r) => ({ ...sides(r), confirmedOn: r.confirmedAt.toISOString().slice(0, 10), total: r.total })),
  );
}

/**
 * The reverse: an institution the organization's sources name as a founder, with no membership entry, and
 * memberships the organization confirms that the institution has never confirmed.
 */
async function onlyOrganization(): Promise<DiscrepancyReport["onlyOrganization"]> {
  const [founders, unconfirmed] = await Promise.all([
    db().$queryRawUnsafe<PairRow[]>(`
      SELECT ${PAIR_COLUMNS()}
      FROM "OrganizationFounder" f JOIN "Organization" o ON o.id = f."organizationId"
      JOIN "Institution" i ON i.id = f."institutionId"
      WHERE f.role IN ('FOUNDER', 'INITIATOR', 'CO_SPONSOR', 'SIGNATORY')
        AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = o.id AND m."institutionId" = i.id)
      GROUP BY o.id, i.id
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`),
    db().$queryRawUnsafe<PairRow[]>(`
      SELECT ${PAIR_COLUMNS()}
      ${MEMBERSHIP_SIDES}
      WHERE m."organizationConfirmedAt" IS NOT NULL AND m."confirmedAt" IS NULL
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`),
  ]);
  return {
    total: Number(founders[0]?.total ?? 0) + Number(unconfirmed[0]?.total ?? 0),
    rows: [
      ...founders.map((r) => ({ ...sides(r), reason: "FOUNDER_NOT_MEMBER" as const })),
      ...unconfirmed.map((r) => ({ ...sides(r), reason: "NOT_CONFIRMED_BY_INSTITUTION" as const })),
    ].slice(0, LIMIT),
  };
}

export async function getDiscrepancyReport(actor: Actor | null): Promise<DiscrepancyReport> {
  requireAdmin(actor, "Only admins see the discrepancy report.");
  const [counts, early, institutionOnly, organizationOnly, dupInstitutions, dupOrganizations] = await Promise.all([
    countGaps(),
    joinedBeforeFounded(),
    onlyInstitution(),
    onlyOrganization(),
    duplicates("Institution", "InstitutionName", "institutionId"),
    duplicates("Organization", "OrganizationName", "organizationId"),
  ]);
  return {
    counts,
    joinedBeforeFounded: early,
    onlyInstitution: institutionOnly,
    onlyOrganization: organizationOnly,
    duplicateInstitutions: dupInstitutions,
    duplicateOrganizations: dupOrganizations,
  };
}

// Names share generic words ("X Medical University", "Y Medical University"): compare what is left.
const GENERIC =
  "the|of|and|for|in|university|universities|medical|college|school|institute|academy|" +
  "alliance|network|association|consortium|federation|union";
const distinctive = (col: string) =>
  `btrim(regexp_replace(lower(${col}), '\\m(${GENERIC})\\M|[^[:alnum:][:space:]]', ' ', 'g'))`;

/**
 * Pairs of records whose names look alike (trigram similarity ≥ 0.6 over all their names, any language, and ≥ 0.7
 * once generic words are set aside), or share an acronym for organizations. Uses the names' trigram indexes; at
 * most LIMIT pairs.
 */
async function duplicates(
  table: "Institution" | "Organization",
  names: "InstitutionName" | "OrganizationName",
  fk: "institutionId" | "organizationId",
): Promise<Listed<{ a: Ref; b: Ref; similarity: number }>> {
  const name = table === "Institution" ? instName : orgName;
  const acronyms =
    table === "Organization"
      ? `UNION SELECT a.id AS aid, b.id AS bid, 1.0::real AS sim
         FROM "Organization" a JOIN "Organization" b ON lower(a.acronym) = lower(b.acronym) AND a.id < b.id`
      : "";
  const rows = await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = 0.6`);
    return tx.$queryRawUnsafe<
      { aslug: string; aname: string | null; bslug: string; bname: string | null; sim: number; total: bigint }[]
    >(`
      WITH pairs AS (
        SELECT x."${fk}" AS aid, y."${fk}" AS bid, max(similarity(x.name, y.name)) AS sim
        FROM "${names}" x JOIN "${names}" y ON x.name % y.name AND x."${fk}" < y."${fk}"
        WHERE similarity(${distinctive("x.name")}, ${distinctive("y.name")}) >= 0.7
        GROUP BY 1, 2
        ${acronyms}
      ), best AS (SELECT aid, bid, max(sim) AS sim FROM pairs GROUP BY 1, 2)
      SELECT a.slug AS aslug, ${name("a")} AS aname, b.slug AS bslug, ${name("b")} AS bname, best.sim,
             count(*) OVER () AS total
      FROM best JOIN "${table}" a ON a.id = best.aid JOIN "${table}" b ON b.id = best.bid
      ORDER BY best.sim DESC, a.slug, b.slug LIMIT ${LIMIT}`);
  });
  return listed(
    rows.map((r) => ({
      a: { slug: r.aslug, name: r.aname ?? r.aslug },
      b: { slug: r.bslug, name: r.bname ?? r.bslug },
      similarity: Math.round(Number(r.sim) * 100) / 100,
      total: r.total,
    })),
  );
}
