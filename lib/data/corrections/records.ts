import "server-only";
import type { Locale } from "@/i18n/routing";
import type { Prisma } from "../../generated/prisma/client";
import { pickName } from "../../shared/names";
import type { CorrectionRecord } from "../../shared/types/corrections";

// The record a correction is about, read with its names, and named in a page's or a mail's language.

const names = { select: { locale: true, name: true, kind: true } } as const;

export const correctionRecordSelect = {
  organization: { select: { slug: true, names } },
  institution: { select: { slug: true, names } },
} satisfies Prisma.CorrectionSelect;

type WithRecord = Prisma.CorrectionGetPayload<{ select: typeof correctionRecordSelect }>;

/** Exactly one of the two is set (the table's CHECK constraint). */
export function recordOf(row: WithRecord, locale: Locale): CorrectionRecord {
  if (row.organization)
    return { kind: "organization", slug: row.organization.slug, name: pickName(row.organization.names, locale).name };
  const institution = row.institution!;
  return { kind: "institution", slug: institution.slug, name: pickName(institution.names, locale).name };
}
