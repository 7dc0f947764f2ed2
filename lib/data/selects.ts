import "server-only";
import type { Prisma } from "../generated/prisma/client";
// Select shapes and mappers shared by the data modules.

import { fromStoredDate } from "../shared/dates";
import type { Confirmation, MembershipFacts, SourceRef } from "../shared/types/memberships";
import { compareSides, type SideFacts } from "../shared/membership-sides";
import type { DatePrecision, MembershipRole, MembershipStatus } from "../generated/prisma/enums";

export const sourceSelect = { select: { key: true, title: true, publisher: true, url: true, seenOn: true } } as const;

/** Institution names (they have no period of validity). */
export const institutionNameSelect = {
  select: { locale: true, name: true, kind: true },
  orderBy: { locale: "asc" },
} as const;

/** Organization names with what pickName needs to skip former names. */
export const organizationNameSelect = {
  select: { locale: true, name: true, kind: true, validUntil: true },
  orderBy: { locale: "asc" },
} as const;

export function sourceRef(
  source: { key: string; title: string; publisher: string | null; url: string | null; seenOn: Date } | null,
  quote: string | null,
): SourceRef | null {
  if (!source) return null;
  return {
    key: source.key,
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    seenOn: source.seenOn.toISOString().slice(0, 10),
    quote,
  };
}

export const confirmationSelect = {
  confirmedAt: true,
  role: true,
  status: true,
  joinedOn: true,
  joinedPrecision: true,
  endedOn: true,
  endedPrecision: true,
  organizationConfirmedAt: true,
  organizationQuote: true,
  organizationSource: sourceSelect,
  organizationRole: true,
  organizationStatus: true,
  organizationJoinedOn: true,
  organizationJoinedPrecision: true,
  organizationEndedOn: true,
  organizationEndedPrecision: true,
  organizationStatedByMember: true,
} as const;

/** A membership's two sides, as confirmationOf and the discrepancy report read them. */
export type MembershipSides = {
  confirmedAt: Date | null;
  role: MembershipRole;
  status: MembershipStatus;
  joinedOn: Date | null;
  joinedPrecision: DatePrecision | null;
  endedOn: Date | null;
  endedPrecision: DatePrecision | null;
  organizationConfirmedAt: Date | null;
  organizationRole: MembershipRole | null;
  organizationStatus: MembershipStatus | null;
  organizationJoinedOn: Date | null;
  organizationJoinedPrecision: DatePrecision | null;
  organizationEndedOn: Date | null;
  organizationEndedPrecision: DatePrecision | null;
  organizationStatedByMember: boolean;
};

/** The facts each side states: the row's are the university's, the organization* columns the organization's. */
export function sidesOf(m: MembershipSides): { institution: SideFacts; organization: SideFacts } {
  return {
    institution: {
      role: m.role,
      status: m.status,
      joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
      ended: fromStoredDate(m.endedOn, m.endedPrecision),
    },
    organization: {
      role: m.organizationRole,
      status: m.organizationStatus,
      joined: fromStoredDate(m.organizationJoinedOn, m.organizationJoinedPrecision),
      ended: fromStoredDate(m.organizationEndedOn, m.organizationEndedPrecision),
    },
  };
}

/** Where a membership stands between its two sides (lib/shared/membership-sides.ts). */
export function compareMembershipSides(m: MembershipSides) {
  return compareSides({
    institutionConfirmed: m.confirmedAt !== null,
    organizationStated: m.organizationConfirmedAt !== null,
    statedByMember: m.organizationStatedByMember,
    ...sidesOf(m),
  });
}

export function confirmationOf(
  m: MembershipSides & {
    organizationQuote: string | null;
    organizationSource: {
      key: string;
      title: string;
      publisher: string | null;
      url: string | null;
      seenOn: Date;
    } | null;
  },
): Confirmation {
  const institutionConfirmedOn = m.confirmedAt ? m.confirmedAt.toISOString().slice(0, 10) : null;
  const organizationSource = m.organizationConfirmedAt ? sourceRef(m.organizationSource, m.organizationQuote) : null;
  const { state, differences } = compareMembershipSides(m);
  return {
    institutionConfirmedOn,
    organizationSource,
    organizationFacts: m.organizationConfirmedAt ? sidesOf(m).organization : null,
    organizationStatedByMember: m.organizationStatedByMember,
    state,
    differences,
    corroborated: state === "BOTH",
  };
}

/** What a member row (an organization's page) and a participation row (an institution's page) read of a membership. */
export const membershipFactsSelect = {
  notes: true,
  quote: true,
  updatedAt: true,
  source: sourceSelect,
  // Earlier periods (left, then rejoined): the row's own dates are the current one.
  periods: {
    select: { joinedOn: true, joinedPrecision: true, endedOn: true, endedPrecision: true },
    orderBy: { endedOn: "asc" },
  },
  ...confirmationSelect,
} as const;

export function membershipFacts(
  m: Prisma.MembershipGetPayload<{ select: typeof membershipFactsSelect }>,
): MembershipFacts {
  return {
    role: m.role,
    status: m.status,
    joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
    ended: fromStoredDate(m.endedOn, m.endedPrecision),
    formerPeriods: m.periods.map((p) => ({
      joined: fromStoredDate(p.joinedOn, p.joinedPrecision),
      ended: fromStoredDate(p.endedOn, p.endedPrecision)!,
    })),
    notes: m.notes,
    source: sourceRef(m.source, m.quote),
    updatedAt: m.updatedAt.toISOString(),
    confirmation: confirmationOf(m),
  };
}
