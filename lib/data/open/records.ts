import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { fromStoredDate, type PartialDate } from "../../shared/dates";
import { env } from "../../env";
import { isCurrentOfficial, pickName } from "../../shared/names";
import { confirmationOf, confirmationSelect, institutionNameSelect, organizationNameSelect } from "../selects";
import type { SideFacts, SidesState } from "../../shared/membership-sides";
import type { Confirmation } from "../../shared/types/memberships";

// The public records of the open data (API, downloads, releases, widget): approved data only — every row
// of these tables is approved, since proposals live in ChangeRequest until an admin applies them.

export type LocalizedName = { en: string; zh: string | null };
export type OpenSource = { title: string; publisher: string | null; url: string | null };

export type OpenOrganization = {
  slug: string;
  url: string;
  kind: string;
  name: LocalizedName;
  acronym: string | null;
  founded: PartialDate | null;
  fields: string[];
  website: string | null;
  wikidataId: string | null;
  countries: string[];
  memberCount: number;
  updatedAt: string;
};

export type OpenInstitution = {
  slug: string;
  url: string;
  kind: string;
  name: LocalizedName;
  country: string;
  city: string | null;
  website: string | null;
  rorId: string | null;
  wikidataId: string | null;
  membershipCount: number;
  /** The source each profile fact rests on (null where the fact is blank): a change credits only what it changed. */
  sources: Record<"name" | "city" | "website" | "rorId" | "wikidataId", OpenSource | null>;
  updatedAt: string;
};

export type OpenPeriod = {
  joined: PartialDate | null;
  ended: PartialDate | null;
  current: boolean;
  source: OpenSource | null;
};

export type OpenMembership = {
  id: string;
  organization: { slug: string; name: string; wikidataId: string | null };
  institution: { slug: string; name: string; country: string; wikidataId: string | null };
  role: string;
  status: string;
  joined: PartialDate | null;
  ended: PartialDate | null;
  notes: string | null;
  source: OpenSource | null;
  /**
   * Every period, earliest first: the earlier ones (left, then rejoined), each with the source that states it,
   * then the current one (`joined`/`ended` above, with `source`).
   */
  periods: OpenPeriod[];
  /**
   * The membership's two sides (issue 16): whether the university and the organization both state it and agree
   * (lib/shared/membership-sides.ts), when the university last confirmed it, and the organization's own statement.
   */
  sides: {
    state: SidesState;
    institutionConfirmedOn: string | null;
    organization: (SideFacts & { statedByMember: boolean; source: OpenSource | null }) | null;
  };
  updatedAt: string;
};

const openSourceSelect = { select: { title: true, publisher: true, url: true } } as const;

export const openOrganizationSelect = {
  id: true,
  slug: true,
  kind: true,
  acronym: true,
  foundedOn: true,
  foundedPrecision: true,
  fields: true,
  website: true,
  wikidataId: true,
  countries: true,
  memberCount: true,
  updatedAt: true,
  names: organizationNameSelect,
} satisfies Prisma.OrganizationSelect;

export const openInstitutionSelect = {
  id: true,
  slug: true,
  kind: true,
  country: true,
  city: true,
  website: true,
  rorId: true,
  wikidataId: true,
  memberCount: true,
  updatedAt: true,
  names: { ...institutionNameSelect, select: { ...institutionNameSelect.select, source: openSourceSelect } },
  citySource: openSourceSelect,
  websiteSource: openSourceSelect,
  rorSource: openSourceSelect,
  wikidataSource: openSourceSelect,
} satisfies Prisma.InstitutionSelect;

export const openMembershipSelect = {
  id: true,
  // The facts (role, status, dates) with both sides' statements of them.
  ...confirmationSelect,
  notes: true,
  updatedAt: true,
  source: { select: { title: true, publisher: true, url: true } },
  periods: {
    select: { joinedOn: true, joinedPrecision: true, endedOn: true, endedPrecision: true, source: openSourceSelect },
    orderBy: [{ endedOn: "asc" }, { joinedOn: "asc" }],
  },
  organization: { select: { slug: true, wikidataId: true, names: organizationNameSelect } },
  institution: { select: { slug: true, country: true, wikidataId: true, names: institutionNameSelect } },
} satisfies Prisma.MembershipSelect;

type Names = Parameters<typeof pickName>[0];

function localized(names: Names): LocalizedName {
  return {
    en: pickName(names, "en").name,
    zh: names.find((n) => n.locale === "zh" && isCurrentOfficial(n))?.name ?? null,
  };
}

export function pageUrl(kind: "organizations" | "institutions", slug: string, locale = "en") {
  return `${env().SITE_URL.replace(/\/$/, "")}/${locale}/${kind}/${slug}`;
}

export function toOpenOrganization(
  o: Prisma.OrganizationGetPayload<{ select: typeof openOrganizationSelect }>,
): OpenOrganization {
  return {
    slug: o.slug,
    url: pageUrl("organizations", o.slug),
    kind: o.kind,
    name: localized(o.names),
    acronym: o.acronym,
    founded: fromStoredDate(o.foundedOn, o.foundedPrecision),
    fields: o.fields,
    website: o.website,
    wikidataId: o.wikidataId,
    countries: o.countries,
    memberCount: o.memberCount,
    updatedAt: o.updatedAt.toISOString(),
  };
}

/**
 * The membership count is the stored one (Institution.memberCount, kept by triggers on Membership), never Prisma's
 * `_count`: that counts the whole Membership table grouped by institution and joins, 350 ms on the world database
 * even for one institution.
 */
export function toOpenInstitution(
  i: Prisma.InstitutionGetPayload<{ select: typeof openInstitutionSelect }>,
): OpenInstitution {
  return {
    slug: i.slug,
    url: pageUrl("institutions", i.slug),
    kind: i.kind,
    name: localized(i.names),
    country: i.country,
    city: i.city,
    website: i.website,
    rorId: i.rorId,
    wikidataId: i.wikidataId,
    membershipCount: i.memberCount,
    sources: {
      name: i.names.find((n) => n.locale === "en" && n.kind === "OFFICIAL")?.source ?? null,
      city: i.city ? i.citySource : null,
      website: i.website ? i.websiteSource : null,
      rorId: i.rorId ? i.rorSource : null,
      wikidataId: i.wikidataId ? i.wikidataSource : null,
    },
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function toOpenMembership(
  m: Prisma.MembershipGetPayload<{ select: typeof openMembershipSelect }>,
): OpenMembership {
  return {
    id: m.id,
    organization: {
      slug: m.organization.slug,
      name: pickName(m.organization.names, "en").name,
      wikidataId: m.organization.wikidataId,
    },
    institution: {
      slug: m.institution.slug,
      name: pickName(m.institution.names, "en").name,
      country: m.institution.country,
      wikidataId: m.institution.wikidataId,
    },
    role: m.role,
    status: m.status,
    joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
    ended: fromStoredDate(m.endedOn, m.endedPrecision),
    notes: m.notes,
    source: m.source ? { title: m.source.title, publisher: m.source.publisher, url: m.source.url } : null,
    periods: [
      ...m.periods.map((p) => ({
        joined: fromStoredDate(p.joinedOn, p.joinedPrecision),
        ended: fromStoredDate(p.endedOn, p.endedPrecision),
        current: false,
        source: { title: p.source.title, publisher: p.source.publisher, url: p.source.url },
      })),
      {
        joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
        ended: fromStoredDate(m.endedOn, m.endedPrecision),
        current: true,
        source: { title: m.source.title, publisher: m.source.publisher, url: m.source.url },
      },
    ],
    sides: openSides(confirmationOf(m)),
    updatedAt: m.updatedAt.toISOString(),
  };
}

function openSides(c: Confirmation): OpenMembership["sides"] {
  const source = c.organizationSource;
  return {
    state: c.state,
    institutionConfirmedOn: c.institutionConfirmedOn,
    organization: c.organizationFacts
      ? {
          ...c.organizationFacts,
          statedByMember: c.organizationStatedByMember,
          source: source ? { title: source.title, publisher: source.publisher, url: source.url } : null,
        }
      : null,
  };
}
