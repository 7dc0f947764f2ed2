import "server-only";
import type { Locale } from "@/i18n/routing";
import type { Prisma } from "../../generated/prisma/client";
import { recordDb } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { fromStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { mergeRoles } from "../../shared/founders";
import type { InstitutionProfile, Participation } from "../../shared/types/institutions";
import { institutionNameSelect, membershipFacts, membershipFactsSelect, sourceRef, sourceSelect } from "../selects";

const orgName = {
  select: { locale: true, name: true, kind: true, validUntil: true },
  orderBy: { locale: "asc" },
} as const;

/** Participations shown on the profile page itself; the rest are on its memberships pages. */
export const PARTICIPATIONS_ON_PROFILE = 50;

/** Latest first, unknown dates last, then by organization: the order of the university's own page. */
const participationOrder = [
  { joinedOn: { sort: "desc", nulls: "last" } },
  { organization: { slug: "asc" } },
] satisfies Prisma.MembershipOrderByWithRelationInput[];

const profileSelect = {
  slug: true,
  kind: true,
  country: true,
  city: true,
  website: true,
  rorId: true,
  wikidataId: true,
  directoryId: true,
  listed: true,
  emailDomains: true,
  updatedAt: true,
  names: { ...institutionNameSelect, select: { ...institutionNameSelect.select, quote: true, source: sourceSelect } },
  source: sourceSelect,
  // Each profile fact's own source (schema.prisma, Institution): a change credits only what it changed.
  citySource: sourceSelect,
  cityQuote: true,
  websiteSource: sourceSelect,
  websiteQuote: true,
  rorSource: sourceSelect,
  rorQuote: true,
  wikidataSource: sourceSelect,
  wikidataQuote: true,
  memberCount: true,
  memberships: {
    select: {
      ...membershipFactsSelect,
      organization: {
        select: {
          slug: true,
          kind: true,
          acronym: true,
          foundedOn: true,
          foundedPrecision: true,
          introduction: true,
          names: orgName,
          founders: {
            select: { role: true, institution: { select: { slug: true, names: institutionNameSelect } } },
            orderBy: { position: "asc" },
          },
        },
      },
    },
    orderBy: participationOrder,
  },
  founded: {
    select: {
      role: true,
      quote: true,
      source: sourceSelect,
      organization: { select: { slug: true, kind: true, names: orgName } },
    },
    orderBy: [{ organization: { slug: "asc" } }, { position: "asc" }],
  },
  people: { select: { name: true, role: true, organization: { select: { slug: true, names: orgName } } } },
} satisfies Prisma.InstitutionSelect;

type ProfileRow = Prisma.InstitutionGetPayload<{ select: typeof profileSelect }>;

/** One participation as the profile and the memberships pages show it. */
export const participationSelect = profileSelect.memberships.select;

export function toParticipation(
  m: Prisma.MembershipGetPayload<{ select: typeof participationSelect }>,
  locale: Locale,
): Participation {
  const on = pickName(m.organization.names, locale);
  return {
    organization: {
      slug: m.organization.slug,
      name: on.name,
      originalName: on.original,
      acronym: m.organization.acronym,
      kind: m.organization.kind,
      founded: fromStoredDate(m.organization.foundedOn, m.organization.foundedPrecision),
      introduction: m.organization.introduction,
    },
    // An institution can be named in several founding roles (founder and supporter): list it once, with them all.
    foundedBy: mergeRoles(
      m.organization.founders.map((f) => ({
        slug: f.institution.slug,
        name: pickName(f.institution.names, locale).name,
        role: f.role,
        source: null,
      })),
      (f) => f.slug,
    ).map(({ slug, name, roles }) => ({ slug, name, roles })),
    ...membershipFacts(m),
  };
}

function toProfile(i: ProfileRow, locale: Locale): InstitutionProfile {
  const n = pickName(i.names, locale);
  const official = i.names.filter((x) => x.kind === "OFFICIAL" && x.source);
  const nameSource = official.find((x) => x.locale === locale) ?? official.find((x) => x.locale === "en");
  return {
    slug: i.slug,
    kind: i.kind,
    name: n.name,
    originalName: n.original,
    country: i.country,
    city: i.city,
    // The stored count (kept by triggers on Membership): the page reads only its first participations.
    membershipCount: i.memberCount,
    names: i.names.map(({ locale: l, name, kind }) => ({ locale: l, name, kind })),
    website: i.website,
    rorId: i.rorId,
    wikidataId: i.wikidataId,
    source: sourceRef(i.source, null),
    factSources: {
      name: sourceRef(nameSource?.source ?? null, nameSource?.quote ?? null),
      city: i.city ? sourceRef(i.citySource, i.cityQuote) : null,
      website: i.website ? sourceRef(i.websiteSource, i.websiteQuote) : null,
      rorId: i.rorId ? sourceRef(i.rorSource, i.rorQuote) : null,
      wikidataId: i.wikidataId ? sourceRef(i.wikidataSource, i.wikidataQuote) : null,
    },
    updatedAt: i.updatedAt.toISOString(),
    inDirectory: i.directoryId !== null,
    emailDomains: i.emailDomains,
    listed: i.listed,
    participations: i.memberships.map((m) => toParticipation(m, locale)),
    founded: mergeRoles(
      i.founded.map((f) => ({
        organization: {
          slug: f.organization.slug,
          kind: f.organization.kind,
          name: pickName(f.organization.names, locale).name,
        },
        role: f.role,
        source: sourceRef(f.source, f.quote),
      })),
      (f) => f.organization.slug,
    ),
    people: i.people.map((p) => ({
      name: p.name,
      role: p.role,
      organization: { slug: p.organization.slug, name: pickName(p.organization.names, locale).name },
    })),
  };
}

async function loadInstitution(
  slug: string,
  locale: Locale,
  participations?: number,
): Promise<InstitutionProfile | null> {
  const select =
    participations === undefined
      ? profileSelect
      : { ...profileSelect, memberships: { ...profileSelect.memberships, take: participations } };
  const i = await recordDb().institution.findUnique({ where: { slug }, select });
  return i ? toProfile(i, locale) : null;
}

/** An institution with all its participations: for its data (the API, JSON-LD, the widget) and its correction form. */
export const getInstitutionBySlug = cached(
  "getInstitutionBySlug",
  (slug: string, locale: Locale) => loadInstitution(slug, locale),
  (slug) => [tags.pages, tags.institution(slug)],
);

/**
 * A university's participation page: what replaces its static "international organizations" page, with its first
 * PARTICIPATIONS_ON_PROFILE participations. A university in hundreds of organizations made a page of 1–2 MB, the
 * slowest first visits of all; the rest are on its memberships pages (./participations.ts).
 */
export const getInstitutionPage = cached(
  "getInstitutionPage",
  (slug: string, locale: Locale) => loadInstitution(slug, locale, PARTICIPATIONS_ON_PROFILE),
  (slug) => [tags.pages, tags.institution(slug)],
);
