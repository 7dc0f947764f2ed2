import "server-only";
import type { Locale } from "@/i18n/routing";
import type { Tx } from "../db";
import type { PrismaClient } from "../prisma-client";
import { fromStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import type { SimilarOrganization, SimilarityMatch } from "../../shared/types/similar-organizations";

/**
 * How alike two names' keys (atlas_name_key: case, punctuation, hyphens, "The", "&" set aside) must be. Tuned
 * on the seed's names: "Eurasia Pacific Uninet" → Eurasia-Pacific Uninet 1.0, "Asia Pacific Uninet" 0.72,
 * "Association of Chinese and Russian Medical Universities" → … of Sino-Russian … 0.73; below 0.7 the shared
 * generic words carry the score ("University Alliance of Silk Road" → … of Belt and Road 0.68), so there the
 * names' distinctive words (atlas_name_core) must be alike too: "Eurasia Pacific University Network" 0.53
 * (core 0.70) is kept, "Silk Road University Alliance" → … of Belt and Road 0.61 (core 0.33) is not.
 */
const CANDIDATE = 0.5;
const ALIKE = 0.7;
const CORE_ALIKE = 0.5;

export type SimilarityInput = {
  nameEn: string | null;
  nameZh: string | null;
  acronym: string | null;
  /** The proposing institution: each result says whether it already belongs there. */
  institutionId: string | null;
  locale?: Locale;
};

type Hit = { id: string; kind: string; text: string; score: number; same: boolean };

// At an equal score, a current name says more than a former one, and a name more than an acronym.
const KIND_ORDER = `CASE h.kind WHEN 'OFFICIAL' THEN 0 WHEN 'ALTERNATE' THEN 1 WHEN 'FORMER' THEN 2 ELSE 3 END`;

/** pg_trgm's threshold is a setting of the connection: set for a transaction only (the caller's, or its own). */
function inTransaction<T>(client: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in client ? (client as unknown as PrismaClient).$transaction(work) : work(client);
}

/**
 * The best-matching name or acronym of each organization similar to the given names or acronym, best first.
 * Names of every language and kind (official, alternate, former) are compared by their stored keys' trigrams
 * through the key's trigram index ("%" at CANDIDATE); acronyms equal without case, through lower(acronym)'s
 * indexes.
 */
async function similarHits(client: Tx, names: string[], acronyms: string[], limit: number): Promise<Hit[]> {
  return inTransaction(client, async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(CANDIDATE)}, true)`;
    return tx.$queryRawUnsafe<Hit[]>(
      `WITH input AS (
         SELECT atlas_name_key(t) AS key, atlas_name_core(t) AS core,
                lower(regexp_replace(btrim(t), '\\s+', ' ', 'g')) AS spaced
         FROM unnest($1::text[]) AS t WHERE atlas_name_key(t) <> ''
       ), hits AS (
         SELECT n."organizationId" AS id, n.kind::text AS kind, n.name AS text,
                similarity(n."nameKey", i.key) AS score,
                lower(regexp_replace(btrim(n.name), '\\s+', ' ', 'g')) = i.spaced AS same
         FROM input i JOIN "OrganizationName" n ON n."nameKey" % i.key
         WHERE similarity(n."nameKey", i.key) >= ${ALIKE} OR similarity(n."nameCore", i.core) >= ${CORE_ALIKE}
         UNION ALL
         SELECT o.id, 'ACRONYM', o.acronym, 1.0, false
         FROM "Organization" o WHERE lower(o.acronym) = ANY($2::text[])
         UNION ALL
         SELECT n."organizationId", 'ACRONYM', n.acronym, 1.0, false
         FROM "OrganizationName" n WHERE lower(n.acronym) = ANY($2::text[])
       ), best AS (
         SELECT DISTINCT ON (h.id) h.id, h.kind, h.text, h.score::float8 AS score,
                bool_or(h.same) OVER (PARTITION BY h.id) AS same
         FROM hits h ORDER BY h.id, h.score DESC, ${KIND_ORDER}
       )
       SELECT * FROM best ORDER BY same DESC, score DESC, id LIMIT $3`,
      names,
      acronyms,
      limit,
    );
  });
}

const matchOf = (kind: string): SimilarityMatch =>
  kind === "ACRONYM" ? "acronym" : kind === "FORMER" ? "formerName" : "name";

/**
 * Organizations already in the registry that look like the one proposed: by any of their names (every language;
 * official, alternate and former) or their acronym. Each says what matched, how closely, and whether the
 * proposing institution already has a membership in it. At most `limit`, the likeliest first.
 */
export async function findSimilarOrganizations(
  client: Tx,
  input: SimilarityInput,
  limit = 5,
): Promise<SimilarOrganization[]> {
  const names = [input.nameEn, input.nameZh].filter((n): n is string => Boolean(n?.trim()));
  // A name typed as an acronym ("EPU") is compared with the acronyms too.
  const acronyms = [input.acronym, ...names]
    .map((a) => a?.trim().toLowerCase() ?? "")
    .filter((a) => a.length >= 2 && a.length <= 30);
  if (!names.length && !acronyms.length) return [];
  const hits = await similarHits(client, names, acronyms, limit);
  if (!hits.length) return [];
  const organizations = await client.organization.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: {
      id: true,
      slug: true,
      acronym: true,
      names: { select: { locale: true, name: true, kind: true, validUntil: true } },
      memberships: input.institutionId
        ? {
            where: { institutionId: input.institutionId },
            select: { id: true, role: true, joinedOn: true, joinedPrecision: true },
          }
        : false,
    },
  });
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return hits.flatMap((h) => {
    const o = byId.get(h.id);
    if (!o) return [];
    const membership = (o.memberships ?? [])[0];
    return [
      {
        slug: o.slug,
        name: pickName(o.names, input.locale ?? "en").name,
        acronym: o.acronym,
        matched: matchOf(h.kind),
        matchedText: h.text,
        score: Math.round(Number(h.score) * 100) / 100,
        sameName: Boolean(h.same),
        membership: membership
          ? {
              id: membership.id,
              role: membership.role,
              joined: fromStoredDate(membership.joinedOn, membership.joinedPrecision),
            }
          : null,
      },
    ];
  });
}
