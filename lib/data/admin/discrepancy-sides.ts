import "server-only";
import { db } from "../db";
import type { DatePrecision, MembershipRole, MembershipStatus } from "../../generated/prisma/enums";
import type { SideDifference } from "../../shared/membership-sides";
import type { SourceRef } from "../../shared/types/memberships";
import type { DiscrepancyEntry } from "../../shared/types/discrepancies";
import { compareMembershipSides, sourceRef } from "../selects";
import { LIMIT, type Listed, type Ref, instName, listed, notDismissed, orgName, ref } from "./discrepancy-sql";

// The report's check SIDES_DISAGREE: memberships whose two sides (the university's statement and its organization's)
// give different facts, with both values and both sources. The SQL finds them (dates compared at the coarser of the
// two precisions); lib/shared/membership-sides.ts words each difference, as the public rows do.

export type SidesDisagreeRow = {
  entry: DiscrepancyEntry;
  organization: Ref;
  institution: Ref;
  membershipId: string;
  differences: SideDifference[];
  institutionSource: SourceRef | null;
  organizationSource: SourceRef | null;
};

// Two dates of the row cut to the coarser of their precisions.
const coarser = (a: string, b: string) => `CASE WHEN 'YEAR' IN (${a}::text, ${b}::text) THEN 'year'
  WHEN 'MONTH' IN (${a}::text, ${b}::text) THEN 'month' ELSE 'day' END`;
const datesDiffer = (field: "joined" | "ended") => {
  const F = field === "joined" ? "Joined" : "Ended";
  const unit = coarser(`m."${field}Precision"`, `m."organization${F}Precision"`);
  return `(m."organization${F}On" IS NOT NULL AND m."${field}On" IS NOT NULL
    AND date_trunc(${unit}, m."organization${F}On") <> date_trunc(${unit}, m."${field}On"))`;
};

// The membership's version (the university's side) and the organization's stated facts: a change of either side
// brings a dismissed entry back.
const SIDES_FACTS = `md5(concat_ws(':', m.version, m."organizationRole", m."organizationStatus",
  m."organizationJoinedOn", m."organizationJoinedPrecision", m."organizationEndedOn", m."organizationEndedPrecision"))`;

const sourceColumns = (alias: string, prefix: string) =>
  `${alias}.key AS "${prefix}Key", ${alias}.title AS "${prefix}Title", ${alias}.publisher AS "${prefix}Publisher",
   ${alias}.url AS "${prefix}Url", ${alias}."seenOn" AS "${prefix}SeenOn"`;

type SourceColumns<P extends string> = Record<`${P}${"Key" | "Title" | "Url" | "Publisher"}`, string | null> &
  Record<`${P}SeenOn`, Date | null>;

type Row = SourceColumns<"is"> &
  SourceColumns<"os"> & {
    oslug: string;
    oname: string;
    islug: string;
    iname: string;
    subject: string;
    facts: string;
    total: bigint;
    confirmedAt: Date | null;
    role: MembershipRole;
    status: MembershipStatus;
    joinedOn: Date | null;
    joinedPrecision: DatePrecision | null;
    endedOn: Date | null;
    endedPrecision: DatePrecision | null;
    quote: string | null;
    organizationConfirmedAt: Date | null;
    organizationRole: MembershipRole | null;
    organizationStatus: MembershipStatus | null;
    organizationJoinedOn: Date | null;
    organizationJoinedPrecision: DatePrecision | null;
    organizationEndedOn: Date | null;
    organizationEndedPrecision: DatePrecision | null;
    organizationQuote: string | null;
    organizationStatedByMember: boolean;
  };

function sourceOf<P extends "is" | "os">(r: SourceColumns<P>, prefix: P, quote: string | null) {
  const c = (k: "Key" | "Title" | "Url" | "Publisher") => r[`${prefix}${k}` as keyof SourceColumns<P>] as string | null;
  const seenOn = r[`${prefix}SeenOn` as keyof SourceColumns<P>] as Date | null;
  if (!c("Key") || !seenOn) return null;
  return sourceRef(
    { key: c("Key")!, title: c("Title") ?? "", publisher: c("Publisher"), url: c("Url"), seenOn },
    quote,
  );
}

/** Each membership whose two sides disagree (both stated: the university confirmed, the organization's side). */
export async function sidesDisagree(): Promise<Listed<SidesDisagreeRow>> {
  const rows = await db().$queryRawUnsafe<Row[]>(`
      SELECT o.slug AS oslug, ${orgName("o")} AS oname, i.slug AS islug, ${instName("i")} AS iname,
             m.id AS subject, ${SIDES_FACTS} AS facts, count(*) OVER () AS total,
             m."confirmedAt", m.role, m.status, m."joinedOn", m."joinedPrecision", m."endedOn", m."endedPrecision",
             m.quote, m."organizationConfirmedAt", m."organizationRole", m."organizationStatus",
             m."organizationJoinedOn", m."organizationJoinedPrecision", m."organizationEndedOn",
             m."organizationEndedPrecision", m."organizationQuote", m."organizationStatedByMember",
             ${sourceColumns("s", "is")}, ${sourceColumns("os", "os")}
      FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
      JOIN "Institution" i ON i.id = m."institutionId"
      JOIN "Source" s ON s.id = m."sourceId"
      LEFT JOIN "Source" os ON os.id = m."organizationSourceId"
      WHERE m."confirmedAt" IS NOT NULL AND m."organizationConfirmedAt" IS NOT NULL
        AND ((m."organizationRole" IS NOT NULL AND m."organizationRole" <> m.role)
          OR (m."organizationStatus" IS NOT NULL AND m."organizationStatus" <> m.status)
          OR ${datesDiffer("joined")} OR ${datesDiffer("ended")})
        AND ${notDismissed("SIDES_DISAGREE", "m.id", SIDES_FACTS)}
      ORDER BY o.slug, i.slug LIMIT ${LIMIT}`);
  return listed(
    rows.map((r) => ({
      entry: { kind: "SIDES_DISAGREE" as const, subject: r.subject, facts: r.facts },
      organization: ref(r.oslug, r.oname),
      institution: ref(r.islug, r.iname),
      membershipId: r.subject,
      differences: compareMembershipSides(r).differences,
      institutionSource: sourceOf(r, "is", r.quote),
      organizationSource: sourceOf(r, "os", r.organizationQuote),
      total: r.total,
    })),
  );
}
