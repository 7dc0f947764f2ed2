// Client-safe: whether the two sides of a membership (the university's statement and its organization's) agree.
// The public rows, the discrepancy report, the account pages and the notices of an approval all read it here, so
// "confirmed by both sides" means the same thing everywhere.
import { formatPartialDate, type PartialDate } from "./dates";
import type { MembershipRole, MembershipStatus } from "./enums";

/** The facts one side states of a membership; null is "not stated by this side". */
export type SideFacts = {
  role: MembershipRole | null;
  status: MembershipStatus | null;
  joined: PartialDate | null;
  ended: PartialDate | null;
};

/** One fact the two sides give differently, with each side's value. */
export type SideDifference =
  | { field: "role"; organization: MembershipRole; institution: MembershipRole }
  | { field: "status"; organization: MembershipStatus; institution: MembershipStatus }
  | { field: "joined" | "ended"; organization: PartialDate; institution: PartialDate };

/**
 * BOTH: the university confirmed, the organization's side is stated, independently, and every fact it states
 * agrees. DISAGREE: both sides state the membership and some fact differs. Otherwise whichever side alone states
 * it: an organization's side stated from the member's own address never makes BOTH (the university would be
 * confirming itself), so with the university's confirmation it reads INSTITUTION_ONLY.
 */
/** Every state a membership's two sides can be in (the open data's CSV lists them as its column's values). */
export const SIDES_STATES = ["BOTH", "DISAGREE", "ORGANIZATION_ONLY", "INSTITUTION_ONLY", "NEITHER"] as const;
export type SidesState = (typeof SIDES_STATES)[number];

export type SidesComparison = { state: SidesState; differences: SideDifference[] };

/** Two dates agree at the coarser of their precisions: "2016" agrees with "2016-05", "2016-05" not with "2016-06". */
export function datesAgree(a: PartialDate, b: PartialDate): boolean {
  const length = Math.min(a.iso.length, b.iso.length);
  return a.iso.slice(0, length) === b.iso.slice(0, length);
}

/**
 * The facts the organization states that differ from the university's. A fact only one side states is no
 * disagreement: the other side has said nothing about it.
 */
export function sideDifferences(institution: SideFacts, organization: SideFacts): SideDifference[] {
  const differences: SideDifference[] = [];
  if (organization.role && institution.role && organization.role !== institution.role)
    differences.push({ field: "role", organization: organization.role, institution: institution.role });
  if (organization.status && institution.status && organization.status !== institution.status)
    differences.push({ field: "status", organization: organization.status, institution: institution.status });
  for (const field of ["joined", "ended"] as const) {
    const o = organization[field];
    const i = institution[field];
    if (o && i && !datesAgree(o, i)) differences.push({ field, organization: o, institution: i });
  }
  return differences;
}

/**
 * Where a membership stands between its two sides. `institutionConfirmed`: the university said it is accurate
 * (confirmedAt); `organizationStated`: its organization's side is recorded (organizationConfirmedAt);
 * `statedByMember`: that side came from an address of the member itself, so it never corroborates.
 */
export function compareSides(input: {
  institutionConfirmed: boolean;
  organizationStated: boolean;
  statedByMember: boolean;
  institution: SideFacts;
  organization: SideFacts;
}): SidesComparison {
  const { institutionConfirmed, organizationStated, statedByMember } = input;
  if (institutionConfirmed && organizationStated) {
    const differences = sideDifferences(input.institution, input.organization);
    if (differences.length) return { state: "DISAGREE", differences };
    return { state: statedByMember ? "INSTITUTION_ONLY" : "BOTH", differences };
  }
  if (organizationStated) return { state: "ORGANIZATION_ONLY", differences: [] };
  return { state: institutionConfirmed ? "INSTITUTION_ONLY" : "NEITHER", differences: [] };
}

/** A translator of the messages' root ("sides.difference", "roles.MEMBER"), as next-intl's untyped call. */
export type SidesTranslate = (key: string, values?: Record<string, string>) => string;

/** "the organization says joined 2017, the university 2016; …", in the translator's language. */
export function describeDifferences(differences: SideDifference[], t: SidesTranslate, locale: string): string {
  const value = (d: SideDifference, side: "organization" | "institution") => {
    if (d.field === "role") return t(`roles.${d[side]}`);
    if (d.field === "status") return t(`statuses.${d[side]}`);
    return formatPartialDate(d[side], locale) ?? "—";
  };
  return differences
    .map((d) =>
      t("sides.difference", {
        field: d.field,
        organization: value(d, "organization"),
        institution: value(d, "institution"),
      }),
    )
    .join(t("sides.separator"));
}
