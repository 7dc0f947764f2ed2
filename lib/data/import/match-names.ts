import "server-only";
import { db } from "../db";
import { ValidationError } from "../../shared/errors";
import { bracketed, MATCH_THRESHOLD, type OrganizationMatch } from "../../import/read-page";

/** The longest the lookup of one preview's names may take at the database. */
const MATCH_TIMEOUT_MS = 10_000;

/**
 * Each candidate text's best match among every name (current and former) and acronym, by trigram similarity.
 * Only matches the reader can use are looked for: pg_trgm's threshold is the reader's (MATCH_THRESHOLD), which
 * lets the trigram index skip the names sharing a few common trigrams ("network", "university") that it
 * otherwise rechecked one by one — 120 ms a candidate at world scale, 4 minutes for a page of 2,000 names,
 * against 5 ms at 0.6. The statement is bounded in time too: a page naming too much gets a message.
 */
export async function matchNames(
  candidates: string[],
  timeoutMs = MATCH_TIMEOUT_MS,
): Promise<Map<string, OrganizationMatch>> {
  const best = new Map<string, OrganizationMatch>();
  if (!candidates.length) return best;
  const rows = await db()
    .$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(MATCH_THRESHOLD)}, true),
          set_config('statement_timeout', ${String(timeoutMs)}, true)`;
        return tx.$queryRaw<{ t: string; slug: string; name: string; sim: number }[]>`
        SELECT c.t, b.slug, b.name, b.sim FROM unnest(${candidates}::text[]) AS c(t)
        CROSS JOIN LATERAL (
          SELECT o.slug, n.name, similarity(n.name, c.t) AS sim
          FROM "OrganizationName" n JOIN "Organization" o ON o.id = n."organizationId"
          WHERE n.name % c.t ORDER BY sim DESC, o.slug LIMIT 1
        ) b
        UNION ALL
        SELECT c.t, o.slug, o.acronym AS name, 1.0::real AS sim FROM unnest(${candidates}::text[]) AS c(t)
        JOIN "Organization" o ON o.acronym = c.t`;
      },
      { timeout: timeoutMs + 5_000 },
    )
    .catch((error: unknown) => {
      if (isStatementTimeout(error)) throw new TooManyNamesError();
      throw error;
    });
  for (const r of rows) {
    const sim = Number(r.sim);
    if ((best.get(r.t)?.score ?? -1) < sim)
      best.set(r.t, { slug: r.slug, name: r.name, score: Math.round(sim * 100) / 100 });
  }
  return best;
}

/** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014), however Prisma wraps it. */
function isStatementTimeout(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`
      : String(error);
  return /57014|statement timeout/i.test(text);
}

class TooManyNamesError extends ValidationError {
  constructor() {
    super("This text names more organizations than can be looked up at once.", {
      text: ["Paste the part of your page that lists your organizations, in a few parts if it is long."],
    });
  }
}

/** The best of the whole text and its bracketed part: "Pan-Asian … Consortium (PABSC)". */
export function matcher(found: Map<string, OrganizationMatch>) {
  return (text: string) => {
    const options = [text, ...bracketed(text)]
      .map((t) => found.get(t))
      .filter((m): m is OrganizationMatch => Boolean(m));
    return options.sort((a, b) => b.score - a.score)[0] ?? null;
  };
}
