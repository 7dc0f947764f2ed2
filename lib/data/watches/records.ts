import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { pickName } from "../../shared/names";
import { institutionNameSelect, organizationNameSelect } from "../selects";

/** A watched record's name in the reader's language (mails and the subscriber's page). */
export async function recordName(
  record: { organizationId: string } | { institutionId: string },
  locale: Locale,
): Promise<string> {
  if ("organizationId" in record) {
    const o = await db().organization.findUniqueOrThrow({
      where: { id: record.organizationId },
      select: { acronym: true, names: organizationNameSelect },
    });
    const name = pickName(o.names, locale).name;
    return o.acronym && o.acronym !== name ? `${name} (${o.acronym})` : name;
  }
  const i = await db().institution.findUniqueOrThrow({
    where: { id: record.institutionId },
    select: { names: institutionNameSelect },
  });
  return pickName(i.names, locale).name;
}

/** Names in the reader's language of the records these slugs name (a digest's records and memberships' sides). */
export async function namesBySlug(slugs: { organizations: string[]; institutions: string[] }, locale: Locale) {
  const [organizations, institutions] = await Promise.all([
    db().organization.findMany({
      where: { slug: { in: slugs.organizations } },
      select: { slug: true, names: organizationNameSelect },
    }),
    db().institution.findMany({
      where: { slug: { in: slugs.institutions } },
      select: { slug: true, names: institutionNameSelect },
    }),
  ]);
  return {
    organizations: new Map(organizations.map((o) => [o.slug, pickName(o.names, locale).name])),
    institutions: new Map(institutions.map((i) => [i.slug, pickName(i.names, locale).name])),
  };
}
