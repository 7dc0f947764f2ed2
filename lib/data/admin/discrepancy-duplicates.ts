import "server-only";
import { db } from "../db";
import type { DiscrepancyEntry } from "../../shared/types/discrepancies";
import { type Listed, LIMIT, type Ref, instName, listed, notDismissed, orgName } from "./discrepancy-sql";

export type DuplicatePair = { a: Ref; b: Ref; similarity: number; entry: DiscrepancyEntry };

// Names share generic words ("X Medical University", "Y Medical University"): compare what is left.
const GENERIC =
  "the|of|and|for|in|university|universities|medical|college|school|institute|academy|" +
  "alliance|network|association|consortium|federation|union";
// A pair is its two records; its facts are how alike their names are now (a renamed record makes a new pair).
const SUBJECT = `best.aid || ':' || best.bid`;
const FACTS = `round(best.sim::numeric, 2)::text`;

const distinctive = (col: string) =>
  `btrim(regexp_replace(lower(${col}), '\\m(${GENERIC})\\M|[^[:alnum:][:space:]]', ' ', 'g'))`;

/**
 * The institutions whose look-alikes are worth an admin's time: those the registry made itself (from its sources or an
 * admin's hand) and those with memberships. Two directory entries with nothing listed are the directory's business
 * (prisma/seed-data/world-universities/corrections.json); comparing its 10,000 names with each other would also cost
 * seconds per report.
 */
const INSTITUTION_DRIVER = `x."institutionId" IN (
  SELECT i.id FROM "Institution" i
  WHERE i."directoryId" IS NULL OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."institutionId" = i.id))`;

/**
 * Pairs of records whose names look alike (trigram similarity ≥ 0.6 over all their names, any language, and ≥ 0.7
 * once generic words are set aside), or share an acronym for organizations. Uses the names' trigram indexes; at
 * most LIMIT pairs.
 */
export async function duplicates(
  table: "Institution" | "Organization",
  names: "InstitutionName" | "OrganizationName",
  fk: "institutionId" | "organizationId",
): Promise<Listed<DuplicatePair>> {
  const name = table === "Institution" ? instName : orgName;
  const kind = table === "Institution" ? "DUPLICATE_INSTITUTIONS" : "DUPLICATE_ORGANIZATIONS";
  const acronyms =
    table === "Organization"
      ? `UNION SELECT a.id AS aid, b.id AS bid, 1.0::real AS sim
         FROM "Organization" a JOIN "Organization" b ON lower(a.acronym) = lower(b.acronym) AND a.id < b.id`
      : "";
  const rows = await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = 0.6`);
    return tx.$queryRawUnsafe<
      {
        aslug: string;
        aname: string | null;
        bslug: string;
        bname: string | null;
        sim: number;
        subject: string;
        facts: string;
        total: bigint;
      }[]
    >(`
      WITH pairs AS (
        SELECT least(x."${fk}", y."${fk}") AS aid, greatest(x."${fk}", y."${fk}") AS bid,
               max(similarity(x.name, y.name)) AS sim
        FROM "${names}" x JOIN "${names}" y ON x.name % y.name AND x."${fk}" <> y."${fk}"
        WHERE ${table === "Institution" ? INSTITUTION_DRIVER : "true"}
          AND similarity(${distinctive("x.name")}, ${distinctive("y.name")}) >= 0.7
        GROUP BY 1, 2
        ${acronyms}
      ), best AS (SELECT aid, bid, max(sim) AS sim FROM pairs GROUP BY 1, 2)
      SELECT a.slug AS aslug, ${name("a")} AS aname, b.slug AS bslug, ${name("b")} AS bname, best.sim,
             ${SUBJECT} AS subject, ${FACTS} AS facts, count(*) OVER () AS total
      FROM best JOIN "${table}" a ON a.id = best.aid JOIN "${table}" b ON b.id = best.bid
      WHERE ${notDismissed(kind, SUBJECT, FACTS)}
      ORDER BY best.sim DESC, a.slug, b.slug LIMIT ${LIMIT}`);
  });
  return listed(
    rows.map((r) => ({
      a: { slug: r.aslug, name: r.aname ?? r.aslug },
      b: { slug: r.bslug, name: r.bname ?? r.bslug },
      similarity: Math.round(Number(r.sim) * 100) / 100,
      entry: { kind, subject: r.subject, facts: r.facts },
      total: r.total,
    })),
  );
}
