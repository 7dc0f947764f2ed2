import "server-only";
import type { Locale } from "@/i18n/routing";
import type { Prisma } from "../../generated/prisma/client";
import { fromStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import type { OrganizationSummary } from "../../shared/types/organizations";

export const nameSelect = {
  select: { locale: true, name: true, kind: true, validUntil: true, acronym: true },
  orderBy: { locale: "asc" },
} as const;
export const summarySelect = {
  slug: true,
  kind: true,
  acronym: true,
  foundedOn: true,
  foundedPrecision: true,
  fields: true,
  countries: true,
  memberCount: true,
  updatedAt: true,
  names: nameSelect,
} satisfies Prisma.OrganizationSelect;

export type SummaryRow = Prisma.OrganizationGetPayload<{ select: typeof summarySelect }>;

export function toSummary(row: SummaryRow, locale: Locale): OrganizationSummary {
  const { name, original } = pickName(row.names, locale);
  return {
    slug: row.slug,
    kind: row.kind,
    name,
    originalName: original,
    acronym: row.acronym,
    founded: fromStoredDate(row.foundedOn, row.foundedPrecision),
    fields: row.fields,
    countries: row.countries,
    memberCount: row.memberCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}
