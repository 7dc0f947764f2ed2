/**
 * Writes the institution directory (./entries.ts) into the database: the institutions the registry already holds
 * get their email domains and, where they have none, the directory's website; every other university becomes an
 * institution credited to the list. Idempotent and quick: a record already loaded (by directoryId) is left alone,
 * and the whole list goes in as a few set-based statements.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { buildSearchText } from "../../lib/shared/search-text";
import { DIRECTORY_CREDIT } from "../../lib/open-data/credits";
import { assignSlugs, buildDirectory, readDirectoryList, type DirectoryRecord } from "./entries";

export const DIRECTORY_SOURCE = {
  key: "world-universities-list",
  kind: "DOCUMENT",
  title: DIRECTORY_CREDIT.name,
  publisher: `${DIRECTORY_CREDIT.publisher} (${DIRECTORY_CREDIT.license} licence, ${DIRECTORY_CREDIT.copyright})`,
  url: DIRECTORY_CREDIT.url,
  language: "en",
  seenOn: new Date("2026-06-20T00:00:00Z"),
} as const;

export type DirectoryLoad = { added: number; matched: number; alreadyLoaded: number };

/** Ids derived from the directory key: a reload of the same list names the same rows. */
const idFor = (prefix: string, key: string) =>
  `${prefix}${createHash("sha256").update(key).digest("base64url").slice(0, 22)}`;

export async function loadDirectory(prisma: PrismaClient, records = defaultRecords()): Promise<DirectoryLoad> {
  const source = await prisma.source.upsert({
    where: { key: DIRECTORY_SOURCE.key },
    create: DIRECTORY_SOURCE,
    update: DIRECTORY_SOURCE,
    select: { id: true },
  });
  const loaded = new Set(
    (await prisma.institution.findMany({ where: { directoryId: { not: null } }, select: { directoryId: true } })).map(
      (i) => i.directoryId,
    ),
  );
  const pending = records.filter((r) => !loaded.has(r.directoryId));
  if (pending.length === 0) return { added: 0, matched: 0, alreadyLoaded: loaded.size };

  const matched = await matchRegistry(prisma, pending, source.id);
  const fresh = pending.filter((r) => !matched.has(r.directoryId));
  const taken = new Set((await prisma.institution.findMany({ select: { slug: true } })).map((i) => i.slug));
  const slugs = assignSlugs(fresh, taken);
  const rows = fresh.map((r) => ({
    id: idFor("dir", r.directoryId),
    slug: slugs.get(r.directoryId),
    country: r.country,
    website: r.website,
    directoryId: r.directoryId,
    emailDomains: r.emailDomains,
    nonStaffDomains: r.nonStaffDomains,
    searchText: buildSearchText([r.name, ...r.otherNames]),
  }));
  const names = fresh.flatMap((r) =>
    [r.name, ...r.otherNames].map((name, i) => ({
      id: idFor("dirn", `${r.directoryId}|${name}`),
      institutionId: idFor("dir", r.directoryId),
      name,
      kind: i === 0 ? "OFFICIAL" : "ALTERNATE",
    })),
  );
  // Ten thousand rows through the name and listed triggers: about a second on an idle machine, but a busy one
  // (a first `npm start` building meanwhile) passed Prisma's default 5 s and lost the whole load.
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
      INSERT INTO "Institution" ("id", "slug", "kind", "country", "website", "sourceId", "websiteSourceId",
        "directoryId", "emailDomains", "nonStaffDomains", "searchText", "updatedAt")
      SELECT r."id", r."slug", 'UNIVERSITY', r."country", r."website", ${source.id},
        CASE WHEN r."website" IS NULL THEN NULL ELSE ${source.id} END,
        r."directoryId", r."emailDomains", r."nonStaffDomains", r."searchText", now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("id" text, "slug" text, "country" text,
        "website" text, "directoryId" text, "emailDomains" text[], "nonStaffDomains" text[], "searchText" text)
      ON CONFLICT ("directoryId") DO NOTHING`;
      await tx.$executeRaw`
      INSERT INTO "InstitutionName" ("id", "institutionId", "locale", "name", "kind", "sourceId")
      SELECT n."id", n."institutionId", 'en', n."name", n."kind"::"NameKind", ${source.id}
      FROM jsonb_to_recordset(${JSON.stringify(names)}::jsonb) AS n("id" text, "institutionId" text, "name" text,
        "kind" text)
      ON CONFLICT DO NOTHING`;
    },
    { timeout: 120_000 },
  );
  // Ten thousand names just went into the trigram indexes' pending lists, on tables with no statistics for them: until
  // autovacuum comes by, every typo-tolerant search read all of them (about 50 ms a query on a fresh database). The
  // lists are flushed and the tables analyzed now, so a fresh `npm start` or test run searches as a settled one does.
  if (rows.length) {
    await prisma.$queryRaw`
      SELECT gin_clean_pending_list(i.indexrelid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
      WHERE a.amname = 'gin' AND i.indrelid IN ('"Institution"'::regclass, '"InstitutionName"'::regclass)`;
    await prisma.$executeRaw`ANALYZE "Institution", "InstitutionName"`;
    // Affiliation matching goes by how many names hold each word (migration name_word_counts): count the new ones.
    await prisma.$executeRaw`REFRESH MATERIALIZED VIEW CONCURRENTLY atlas_name_words`;
  }
  return { added: rows.length, matched: matched.size, alreadyLoaded: loaded.size };
}

function defaultRecords(): DirectoryRecord[] {
  const { list, corrections } = readDirectoryList();
  return buildDirectory(list, corrections);
}

/**
 * The registry's own institutions that are in the directory: by corrections.json's registry list, else by the
 * same English name (any of its names) in the same country. Their facts stay theirs (the sources win); the
 * directory adds its email domains, its website where they have none, and its name as another name when it differs.
 */
async function matchRegistry(prisma: PrismaClient, records: DirectoryRecord[], sourceId: string) {
  const candidates = await prisma.institution.findMany({
    where: { directoryId: null },
    select: { id: true, slug: true, country: true, website: true, city: true, names: { select: { name: true } } },
  });
  const bySlug = new Map(candidates.map((c) => [c.slug, c]));
  const byName = new Map<string, (typeof candidates)[number]>();
  for (const c of candidates) for (const n of c.names) byName.set(`${n.name.toLowerCase()}|${c.country}`, c);

  const matched = new Set<string>();
  const taken = new Set<string>();
  for (const r of records) {
    const institution =
      (r.registrySlug ? bySlug.get(r.registrySlug) : undefined) ?? byName.get(`${r.name.toLowerCase()}|${r.country}`);
    if (!institution || taken.has(institution.id)) continue;
    taken.add(institution.id);
    matched.add(r.directoryId);
    const known = new Set(institution.names.map((n) => n.name.toLowerCase()));
    const newNames = [r.name, ...r.otherNames].filter((n) => !known.has(n.toLowerCase()));
    await prisma.$transaction(async (tx) => {
      await tx.institution.update({
        where: { id: institution.id },
        data: {
          directoryId: r.directoryId,
          emailDomains: r.emailDomains,
          nonStaffDomains: r.nonStaffDomains,
          ...(institution.website || !r.website ? {} : { website: r.website, websiteSourceId: sourceId }),
          searchText: buildSearchText([...institution.names.map((n) => n.name), ...newNames, institution.city]),
        },
      });
      if (newNames.length)
        await tx.institutionName.createMany({
          data: newNames.map((name) => ({
            institutionId: institution.id,
            locale: "en",
            name,
            kind: "ALTERNATE",
            sourceId,
          })),
          skipDuplicates: true,
        });
    });
  }
  return matched;
}
