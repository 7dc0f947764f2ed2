import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { listedInstitution, listedInstitutionSql } from "../institutions/listed";
import { cached, tags } from "../../cache/read-cache";
import { fromStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import type { RegistryOverview } from "../../shared/types/open-data";

export type { RegistryOverview };

async function loadOverview(locale: Locale): Promise<RegistryOverview> {
  const names = {
    select: { locale: true, name: true, kind: true, validUntil: true },
    orderBy: { locale: "asc" },
  } as const;
  const institutionNames = { select: { locale: true, name: true, kind: true }, orderBy: { locale: "asc" } } as const;
  const [organizations, institutions, memberships, sources, countries, newest, recent] = await Promise.all([
    db().organization.count(),
    db().institution.count({ where: listedInstitution }),
    db().membership.count(),
    db().source.count(),
    // Countries and regions the registry knows of: its listed institutions' and those its sources name.
    db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n
      FROM (SELECT i.country::text FROM "Institution" i WHERE ${listedInstitutionSql("i")}
            UNION SELECT unnest(countries) FROM "Organization") AS c`,
    db().organization.findMany({
      select: { slug: true, kind: true, foundedOn: true, foundedPrecision: true, names },
      where: { foundedOn: { not: null } },
      orderBy: [{ foundedOn: "desc" }, { slug: "asc" }],
      take: 5,
    }),
    db().membership.findMany({
      select: {
        updatedAt: true,
        institution: { select: { slug: true, names: institutionNames } },
        organization: { select: { slug: true, names } },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: 6,
    }),
  ]);
  return {
    counts: { organizations, institutions, memberships, sources, countries: Number(countries[0]?.n ?? 0) },
    newest: newest.map((o) => ({
      slug: o.slug,
      kind: o.kind,
      name: pickName(o.names, locale).name,
      founded: fromStoredDate(o.foundedOn, o.foundedPrecision),
    })),
    recentlyUpdated: recent.map((m) => ({
      institution: { slug: m.institution.slug, name: pickName(m.institution.names, locale).name },
      organization: { slug: m.organization.slug, name: pickName(m.organization.names, locale).name },
      updatedAt: m.updatedAt.toISOString(),
    })),
  };
}

/** The home page's figures: counts, the newest organizations and the latest changes. */
export const getRegistryOverview = cached("getRegistryOverview", loadOverview, () => [
  tags.registry,
  tags.organizations,
  tags.institutions,
]);
