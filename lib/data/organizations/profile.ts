import "server-only";
import type { Locale } from "@/i18n/routing";
import type { Prisma } from "../../generated/prisma/client";
import { recordDb } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { fromStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { mergeRoles } from "../../shared/founders";
import type { OrganizationProfile } from "../../shared/types/organizations";
import { institutionNameSelect, sourceRef, sourceSelect } from "../selects";
import { MEMBERS_ON_PROFILE, institutionRefSelect, memberOrder, memberSelect, toMemberRow } from "./members";
import { nameSelect, summarySelect, toSummary } from "./summary";

const profileSelect = {
  ...summarySelect,
  createdAt: true,
  introduction: true,
  introductionLocale: true,
  website: true,
  websiteQuote: true,
  websiteSource: sourceSelect,
  foundedQuote: true,
  wikidataId: true,
  names: {
    select: {
      locale: true,
      name: true,
      acronym: true,
      kind: true,
      validFrom: true,
      validFromPrecision: true,
      validUntil: true,
      validUntilPrecision: true,
      quote: true,
      source: sourceSelect,
    },
    orderBy: [{ kind: "asc" }, { locale: "asc" }],
  },
  introductionSource: sourceSelect,
  foundedSource: sourceSelect,
  parent: { select: { slug: true, names: nameSelect } },
  children: { select: { slug: true, kind: true, names: nameSelect } },
  founders: {
    select: { role: true, quote: true, source: sourceSelect, institution: institutionRefSelect },
    orderBy: { position: "asc" },
  },
  declaredCounts: {
    select: {
      subject: true,
      qualifier: true,
      value: true,
      previousValue: true,
      countryCount: true,
      countries: true,
      countriesComplete: true,
      asOf: true,
      asOfPrecision: true,
      quote: true,
      source: sourceSelect,
    },
  },
  people: {
    select: {
      name: true,
      role: true,
      description: true,
      quote: true,
      source: sourceSelect,
      institution: { select: { slug: true, names: institutionNameSelect } },
    },
  },
  // Only the first page of members: an organization with thousands pages the rest in the database.
  memberships: { select: memberSelect, orderBy: memberOrder, take: MEMBERS_ON_PROFILE },
} satisfies Prisma.OrganizationSelect;

type ProfileRow = Prisma.OrganizationGetPayload<{ select: typeof profileSelect }>;

/** The founders, declared counts and people: the parts of a profile that name other records. */
function relatedOf(o: ProfileRow, locale: Locale) {
  const named = (names: Parameters<typeof pickName>[0]) => pickName(names, locale);
  return {
    founders: mergeRoles(
      o.founders.map((f) => ({
        institution: {
          slug: f.institution.slug,
          name: named(f.institution.names).name,
          country: f.institution.country,
          kind: f.institution.kind,
        },
        role: f.role,
        source: sourceRef(f.source, f.quote),
      })),
      (f) => f.institution.slug,
    ),
    declaredCounts: o.declaredCounts.map(({ asOf, asOfPrecision, quote, source, ...count }) => ({
      ...count,
      asOf: fromStoredDate(asOf, asOfPrecision),
      source: sourceRef(source, quote),
    })),
    people: o.people.map((p) => ({
      name: p.name,
      role: p.role,
      description: p.description,
      institution: p.institution ? { slug: p.institution.slug, name: named(p.institution.names).name } : null,
      source: sourceRef(p.source, p.quote),
    })),
  };
}

function toProfile(o: ProfileRow, locale: Locale): OrganizationProfile {
  const named = (names: Parameters<typeof pickName>[0]) => pickName(names, locale);
  return {
    ...toSummary(o, locale),
    createdAt: o.createdAt.toISOString(),
    wikidataId: o.wikidataId,
    names: o.names.map((n) => ({
      locale: n.locale,
      name: n.name,
      acronym: n.acronym,
      kind: n.kind,
      validFrom: fromStoredDate(n.validFrom, n.validFromPrecision),
      validUntil: fromStoredDate(n.validUntil, n.validUntilPrecision),
      source: sourceRef(n.source, n.quote),
    })),
    introduction: o.introduction,
    introductionLocale: o.introductionLocale,
    introductionSource: sourceRef(o.introductionSource, null),
    foundedSource: sourceRef(o.foundedSource, o.foundedQuote),
    website: o.website,
    websiteSource: sourceRef(o.websiteSource, o.websiteQuote),
    parent: o.parent ? { slug: o.parent.slug, name: named(o.parent.names).name } : null,
    children: o.children.map((c) => ({ slug: c.slug, kind: c.kind, name: named(c.names).name })),
    ...relatedOf(o, locale),
    members: o.memberships.map((m) => toMemberRow(m, locale)),
  };
}

async function loadOrganization(slug: string, locale: Locale): Promise<OrganizationProfile | null> {
  const o = await recordDb().organization.findUnique({ where: { slug }, select: profileSelect });
  return o ? toProfile(o, locale) : null;
}

/** One organization's public profile, with its founders, declared counts, people and members. */
export const getOrganizationBySlug = cached("getOrganizationBySlug", loadOrganization, (slug) => [
  tags.pages,
  tags.organization(slug),
]);
