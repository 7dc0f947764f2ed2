import "server-only";
// An organization's profile as its secretariat's form, a proposal's "before", the review's "now" column and the
// applier read it; and which source each current fact rests on, which a change must not cite again
// (lib/shared/fact-sources.ts).
import type { Prisma } from "../../generated/prisma/client";
import { fromStoredDate } from "../../shared/dates";
import { type Citation, changedFacts } from "../../shared/fact-sources";
import { pickName } from "../../shared/names";
import type { OrganizationSideProfile } from "../../validation/organization-profile";

const citedBy = { select: { url: true, title: true } } as const;

export const organizationSideProfileSelect = {
  id: true,
  slug: true,
  version: true,
  acronym: true,
  website: true,
  websiteQuote: true,
  websiteSource: citedBy,
  introduction: true,
  introductionLocale: true,
  introductionSource: citedBy,
  names: {
    where: { OR: [{ kind: "OFFICIAL" as const, validUntil: null }, { kind: "FORMER" as const }] },
    select: {
      locale: true,
      name: true,
      kind: true,
      validUntil: true,
      validUntilPrecision: true,
      quote: true,
      source: citedBy,
    },
    orderBy: [{ validUntil: "desc" as const }, { name: "asc" as const }],
  },
  founders: {
    select: {
      institutionId: true,
      role: true,
      quote: true,
      source: citedBy,
      institution: { select: { slug: true, names: { select: { locale: true, name: true, kind: true } } } },
    },
    orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
  },
  declaredCounts: {
    select: {
      subject: true,
      qualifier: true,
      value: true,
      asOf: true,
      asOfPrecision: true,
      quote: true,
      source: citedBy,
    },
    orderBy: [{ asOf: "desc" as const }, { id: "asc" as const }],
  },
} satisfies Prisma.OrganizationSelect;

export type StoredOrganizationProfile = Prisma.OrganizationGetPayload<{ select: typeof organizationSideProfileSelect }>;

/** The facts a proposal may change, each credited to the source it cites (the lists as a whole). */
export const ORGANIZATION_PROFILE_FACTS = [
  "nameEn",
  "nameZh",
  "acronym",
  "website",
  "introduction",
  "formerNames",
  "founders",
  "declaredCounts",
] as const;
export type OrganizationProfileFact = (typeof ORGANIZATION_PROFILE_FACTS)[number];

const official = (o: StoredOrganizationProfile, locale: string) =>
  o.names.find((n) => n.kind === "OFFICIAL" && n.locale === locale);

/** The stored profile as a change request keeps it. */
export function organizationProfileOf(o: StoredOrganizationProfile): OrganizationSideProfile {
  return {
    nameEn: official(o, "en")?.name ?? "",
    nameZh: official(o, "zh")?.name ?? null,
    acronym: o.acronym,
    website: o.website,
    introduction: o.introduction,
    introductionLocale: o.introductionLocale === "zh" ? "zh" : "en",
    formerNames: o.names
      .filter((n) => n.kind === "FORMER")
      .map((n) => ({
        locale: n.locale === "zh" ? "zh" : "en",
        name: n.name,
        validUntil: fromStoredDate(n.validUntil, n.validUntilPrecision),
      })),
    founders: o.founders.map((f) => ({
      institutionId: f.institutionId,
      name: pickName(f.institution.names, "en").name,
      role: f.role,
    })),
    declaredCounts: o.declaredCounts.map((c) => ({
      subject: c.subject,
      qualifier: c.qualifier,
      value: c.value,
      asOf: fromStoredDate(c.asOf, c.asOfPrecision),
    })),
  };
}

/** The facts whose value differs (introduction with the language it is written in). */
export function changedOrganizationFacts(
  before: OrganizationSideProfile,
  after: OrganizationSideProfile,
): OrganizationProfileFact[] {
  const changed = changedFacts(ORGANIZATION_PROFILE_FACTS, before, after);
  if (!changed.includes("introduction") && after.introduction && before.introductionLocale !== after.introductionLocale)
    changed.push("introduction");
  return changed;
}

const cite = (source: { url: string | null; title: string } | null, quote: string | null): Citation => ({
  sourceUrl: source?.url ?? null,
  sourceTitle: source?.title ?? null,
  sourceQuote: quote,
});

/** The sources and passages the current values of one fact rest on (every row of a list). */
export function currentOrganizationCitations(o: StoredOrganizationProfile, fact: OrganizationProfileFact): Citation[] {
  switch (fact) {
    case "nameEn":
    case "acronym":
      return o.names.filter((n) => n.kind === "OFFICIAL" && n.locale === "en").map((n) => cite(n.source, n.quote));
    case "nameZh":
      return o.names.filter((n) => n.kind === "OFFICIAL" && n.locale === "zh").map((n) => cite(n.source, n.quote));
    case "formerNames":
      return o.names.filter((n) => n.kind === "FORMER").map((n) => cite(n.source, n.quote));
    case "website":
      return [cite(o.websiteSource, o.websiteQuote)];
    case "introduction":
      return [cite(o.introductionSource, null)];
    case "founders":
      return o.founders.map((f) => cite(f.source, f.quote));
    case "declaredCounts":
      return o.declaredCounts.map((c) => cite(c.source, c.quote));
  }
}
