import "server-only";
// Select shapes and mappers shared by the data modules.

import type { Confirmation, SourceRef } from "../shared/types/memberships";

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
