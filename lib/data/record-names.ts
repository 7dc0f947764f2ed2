import "server-only";
import type { Tx } from "./db";

/**
 * `base`, or `base-2`, `base-3`, … : the first address no institution (or organization) has yet. Read in the
 * caller's transaction where there is one, so the record it creates next gets the address it was given.
 */
export async function findFreeSlug(client: Tx, table: "institution" | "organization", base: string): Promise<string> {
  const taken = (slug: string) =>
    table === "institution"
      ? client.institution.findUnique({ where: { slug }, select: { id: true } })
      : client.organization.findUnique({ where: { slug }, select: { id: true } });
  let slug = base;
  for (let n = 2; await taken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

type OfficialNames = { nameEn: string; nameZh: string | null };
type NameOwner = { institutionId: string } | { organizationId: string; acronym: string | null };

/**
 * Replace a record's current official names (English, Chinese) with the given ones; a Chinese name left out
 * is removed. Former names and other kinds of names stay: they are history, and the search text holds them.
 */
export async function replaceOfficialNames(tx: Tx, owner: NameOwner, names: OfficialNames): Promise<void> {
  for (const [locale, name] of [
    ["en", names.nameEn],
    ["zh", names.nameZh],
  ] as const) {
    if ("institutionId" in owner) {
      const { institutionId } = owner;
      await tx.institutionName.deleteMany({ where: { institutionId, locale, kind: "OFFICIAL" } });
      if (name) await tx.institutionName.create({ data: { institutionId, locale, name, kind: "OFFICIAL" } });
    } else {
      const { organizationId } = owner;
      await tx.organizationName.deleteMany({ where: { organizationId, locale, kind: "OFFICIAL", validUntil: null } });
      const acronym = locale === "en" ? owner.acronym : null;
      if (name) await tx.organizationName.create({ data: { organizationId, locale, name, kind: "OFFICIAL", acronym } });
    }
  }
}
