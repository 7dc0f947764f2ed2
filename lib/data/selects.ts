import "server-only";
import type { Prisma } from "../generated/prisma/client";
// Select shapes and mappers shared by the data modules.

import { fromStoredDate } from "../shared/dates";
import type { Confirmation, MembershipFacts, SourceRef } from "../shared/types/memberships";

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
  organizationConfirmedAt: true,
  organizationQuote: true,
  organizationSource: sourceSelect,
} as const;

export function confirmationOf(m: {
  confirmedAt: Date | null;
  organizationConfirmedAt: Date | null;
  organizationQuote: string | null;
  organizationSource: { key: string; title: string; publisher: string | null; url: string | null; seenOn: Date } | null;
}): Confirmation {
  const institutionConfirmedOn = m.confirmedAt ? m.confirmedAt.toISOString().slice(0, 10) : null;
  const organizationSource = m.organizationConfirmedAt ? sourceRef(m.organizationSource, m.organizationQuote) : null;
  return {
    institutionConfirmedOn,
    organizationSource,
    corroborated: Boolean(institutionConfirmedOn && organizationSource),
  };
}

/** What a member row (an organization's page) and a participation row (an institution's page) read of a membership. */
export const membershipFactsSelect = {
  role: true,
  status: true,
  joinedOn: true,
  joinedPrecision: true,
  endedOn: true,
  endedPrecision: true,
  notes: true,
  quote: true,
  updatedAt: true,
  source: sourceSelect,
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
    notes: m.notes,
    source: sourceRef(m.source, m.quote),
    updatedAt: m.updatedAt.toISOString(),
    confirmation: confirmationOf(m),
  };
}
