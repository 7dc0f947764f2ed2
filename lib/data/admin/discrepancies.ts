import "server-only";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import { fromStoredDate, type PartialDate } from "../../shared/dates";
import type { DiscrepancyEntry, DiscrepancyKind } from "../../shared/types/discrepancies";
import type { CountQualifier, DatePrecision } from "../../generated/prisma/enums";
import { type DuplicatePair, duplicates } from "./discrepancy-duplicates";
import { type SidesDisagreeRow, sidesDisagree } from "./discrepancy-sides";
import { LIMIT, type Listed, type Ref, instName, listed, notDismissed, orgName, ref } from "./discrepancy-sql";

// The admins' discrepancy report: where the registry's facts disagree with each other. Each list is computed in
// SQL and capped; the totals are exact. Entries an admin dismissed stay out while their facts are unchanged
// (discrepancy-sql.ts notDismissed). The raw SQL interpolates only constants of these files (never input).

type Entry = { entry: DiscrepancyEntry };
type Pair = { organization: Ref; institution: Ref };

export type DiscrepancyReport = {
  counts: Listed<
    Entry & { organization: Ref; qualifier: CountQualifier; declared: number; asOf: PartialDate | null; listed: number }
  >;
  joinedBeforeFounded: Listed<Entry & Pair & { joined: PartialDate; founded: PartialDate }>;
  onlyInstitution: Listed<Entry & Pair & { membershipId: string; confirmedOn: string }>;
  onlyOrganization: Listed<
    Entry & Pair & { membershipId: string | null; reason: "FOUNDER_NOT_MEMBER" | "NOT_CONFIRMED_BY_INSTITUTION" }
  >;
  duplicateInstitutions: Listed<DuplicatePair>;
  duplicateOrganizations: Listed<DuplicatePair>;
  /** Memberships whose two sides give different facts, with both values and both sources. */
  sidesDisagree: Listed<SidesDisagreeRow>;
  /** Every entry shown, for telling which dismissals no longer apply. */
  entries: DiscrepancyEntry[];
};

/** A membership's two sides as the raw queries below name them, with the entry's subject and facts. */
type PairRow = {
  oslug: string;
  oname: string;
  islug: string;
  iname: string;
  subject: string;
  facts: string;
  total: bigint;
};
const sides = (r: PairRow) => ({ organization: ref(r.oslug, r.oname), institution: ref(r.islug, r.iname) });
const entry = (kind: DiscrepancyKind, r: { subject: string; facts: string }) => ({
  entry: { kind, subject: r.subject, facts: r.facts },
});
const MEMBERSHIP_SIDES = `FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
      JOIN "Institution" i ON i.id = m."institutionId"`;
const PAIR_COLUMNS = (subject: string, facts: string) =>
  `o.slug AS oslug, ${orgName("o")} AS oname, i.slug AS islug, ${instName("i")} AS iname,
   ${subject} AS subject, ${facts} AS facts, count(*) OVER () AS total`;
// A membership's entry is tied to its version: any approved change to its values bumps it and brings the entry
// back. Confirmations keep the version, but a confirmation by the missing side takes the entry out anyway.
const MEMBERSHIP = "m.id";
const MEMBERSHIP_FACTS = `m.version::text`;

// A count's entry: the declaration it compares and how many members were listed then.
const COUNT_FACTS = `d.id || ':' || d.value || ':' || l.listed`;

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
      subject: string;
      facts: string;
      total: bigint;
    }[]
  >(`
      SELECT o.slug, ${orgName("o")} AS name, d.qualifier, d.value, d."asOf", d."asOfPrecision", l.listed,
             o.id AS subject, ${COUNT_FACTS} AS facts, count(*) OVER () AS total
      FROM "Organization" o
      JOIN LATERAL (SELECT * FROM "DeclaredCount" d WHERE d."organizationId" = o.id AND d.subject = 'MEMBERS'
                    ORDER BY d."asOf" DESC NULLS LAST LIMIT 1) d ON true
      JOIN LATERAL (SELECT count(*) AS listed FROM "Membership" m
                    WHERE m."organizationId" = o.id AND m.status <> 'WITHDRAWN') l ON true
      WHERE CASE d.qualifier WHEN 'EXACTLY' THEN l.listed <> d.value ELSE l.listed < d.value END
        AND ${notDismissed("COUNT_GAP", "o.id", COUNT_FACTS)}
      ORDER BY d.value - l.listed DESC, o.slug LIMIT ${LIMIT}`);
  return listed(
    rows.map((r) => ({
      organization: ref(r.slug, r.name),
      qualifier: r.qualifier,
      declared: r.value,
      asOf: fromStoredDate(r.asOf, r.asOfPrecision),
      listed: Number(r.listed),
      ...entry("COUNT_GAP", r),
      total: r.total,
    })),
  );
}

// Both dates cut to the coarser of their two precisions.
const COARSER = `CASE WHEN 'YEAR' IN (m."joinedPrecision"::text, o."foundedPrecision"::text) THEN 'year'
                      WHEN 'MONTH' IN (m."joinedPrecision"::text, o."foundedPrecision"::text) THEN 'month'
                      ELSE 'day' END`;

// The membership's version and the organization's founding date: a change to either brings the entry back.
const EARLY_FACTS = `${MEMBERSHIP_FACTS} || ':' || o."foundedOn"::text || ':' || o."foundedPrecision"`;

/** Joined before the organization was founded, compared at the coarser of the two precisions. */
async function joinedBeforeFounded(): Promise<DiscrepancyReport["joinedBeforeFounded"]> {
  const rows = await db().$queryRawUnsafe<
    (PairRow & { joinedOn: Date; joinedPrecision: DatePrecision; foundedOn: Date; foundedPrecision: DatePrecision })[]
  >(`
      SELECT ${PAIR_COLUMNS(MEMBERSHIP, EARLY_FACTS)}, m."joinedOn", m."joinedPrecision", o."foundedOn",
             o."foundedPrecision"
      ${MEMBERSHIP_SIDES}
      WHERE m."joinedOn" IS NOT NULL AND o."foundedOn" IS NOT NULL
        AND date_trunc(${COARSER}, m."joinedOn") < date_trunc(${COARSER}, o."foundedOn")
        AND ${notDismissed("JOINED_BEFORE_FOUNDED", MEMBERSHIP, EARLY_FACTS)}
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`);
  return listed(
    rows.map((r) => ({
      ...sides(r),
      joined: fromStoredDate(r.joinedOn, r.joinedPrecision)!,
      founded: fromStoredDate(r.foundedOn, r.foundedPrecision)!,
      ...entry("JOINED_BEFORE_FOUNDED", r),
      total: r.total,
    })),
  );
}

/**
 * Stated by the institution, never by the organization's own source (or only from an address of the member itself,
 * which does not count as the organization's side).
 */
async function onlyInstitution(): Promise<DiscrepancyReport["onlyInstitution"]> {
  const rows = await db().$queryRawUnsafe<(PairRow & { confirmedAt: Date })[]>(`
      SELECT ${PAIR_COLUMNS(MEMBERSHIP, MEMBERSHIP_FACTS)}, m."confirmedAt"
      ${MEMBERSHIP_SIDES}
      WHERE m."confirmedAt" IS NOT NULL AND (m."organizationConfirmedAt" IS NULL OR m."organizationStatedByMember")
        AND ${notDismissed("ONLY_INSTITUTION", MEMBERSHIP, MEMBERSHIP_FACTS)}
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`);
  return listed(
    rows.map((r) => ({
      ...sides(r),
      membershipId: r.subject,
      confirmedOn: r.confirmedAt.toISOString().slice(0, 10),
      ...entry("ONLY_INSTITUTION", r),
      total: r.total,
    })),
  );
}

// A founder without a membership: the pair, and the roles the organization's sources give it.
const FOUNDER = `o.id || ':' || i.id`;
const FOUNDER_FACTS = `string_agg(DISTINCT f.role::text, ',')`;

/**
 * The reverse: an institution the organization's sources name as a founder, with no membership entry, and
 * memberships the organization confirms that the institution has never confirmed.
 */
async function onlyOrganization(): Promise<DiscrepancyReport["onlyOrganization"]> {
  const [founders, unconfirmed] = await Promise.all([
    db().$queryRawUnsafe<PairRow[]>(`
      SELECT ${PAIR_COLUMNS(FOUNDER, FOUNDER_FACTS)}
      FROM "OrganizationFounder" f JOIN "Organization" o ON o.id = f."organizationId"
      JOIN "Institution" i ON i.id = f."institutionId"
      WHERE f.role IN ('FOUNDER', 'INITIATOR', 'CO_SPONSOR', 'SIGNATORY')
        AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = o.id AND m."institutionId" = i.id)
      GROUP BY o.id, i.id
      HAVING ${notDismissed("FOUNDER_NOT_MEMBER", FOUNDER, FOUNDER_FACTS)}
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`),
    db().$queryRawUnsafe<PairRow[]>(`
      SELECT ${PAIR_COLUMNS(MEMBERSHIP, MEMBERSHIP_FACTS)}
      ${MEMBERSHIP_SIDES}
      WHERE m."organizationConfirmedAt" IS NOT NULL AND m."confirmedAt" IS NULL
        AND ${notDismissed("NOT_CONFIRMED_BY_INSTITUTION", MEMBERSHIP, MEMBERSHIP_FACTS)}
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`),
  ]);
  return {
    total: Number(founders[0]?.total ?? 0) + Number(unconfirmed[0]?.total ?? 0),
    rows: [
      ...founders.map((r) => ({
        ...sides(r),
        membershipId: null,
        reason: "FOUNDER_NOT_MEMBER" as const,
        ...entry("FOUNDER_NOT_MEMBER", r),
      })),
      ...unconfirmed.map((r) => ({
        ...sides(r),
        membershipId: r.subject,
        reason: "NOT_CONFIRMED_BY_INSTITUTION" as const,
        ...entry("NOT_CONFIRMED_BY_INSTITUTION", r),
      })),
    ].slice(0, LIMIT),
  };
}

export async function getDiscrepancyReport(actor: Actor | null): Promise<DiscrepancyReport> {
  requireAdmin(actor, "Only admins see the discrepancy report.");
  const [counts, early, institutionOnly, organizationOnly, dupInstitutions, dupOrganizations, sides] =
    await Promise.all([
      countGaps(),
      joinedBeforeFounded(),
      onlyInstitution(),
      onlyOrganization(),
      duplicates("Institution", "InstitutionName", "institutionId"),
      duplicates("Organization", "OrganizationName", "organizationId"),
      sidesDisagree(),
    ]);
  const lists = [counts, early, institutionOnly, organizationOnly, dupInstitutions, dupOrganizations, sides];
  return {
    entries: lists.flatMap((l) => l.rows.map((r: Entry) => r.entry)),
    counts,
    joinedBeforeFounded: early,
    onlyInstitution: institutionOnly,
    onlyOrganization: organizationOnly,
    duplicateInstitutions: dupInstitutions,
    duplicateOrganizations: dupOrganizations,
    sidesDisagree: sides,
  };
}
