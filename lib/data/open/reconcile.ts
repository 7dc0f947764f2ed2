import "server-only";
import { countryName } from "../../shared/countries";
import { NotFoundError } from "../../shared/errors";
import type { ReconcileQuery, RecordId } from "../../open-data/reconcile/input";
import { recordId } from "../../open-data/reconcile/input";
import { type CandidateFacts, domainOf, foldText, isConfident, scoreCandidates } from "../../open-data/reconcile/score";
import { MAX_CANDIDATES, RECONCILE_TYPES, type ReconcileType } from "../../open-data/reconcile/service";
import { db } from "../db";
import { suggestRanked } from "../search/suggest";

// The reconciliation service's data (W3C Reconciliation API 0.2, /api/reconcile): candidates come from the
// portal's type-ahead (every name in every language, acronyms, former names, typos) and are re-scored on the
// facts below. Public, approved data only: it takes no actor.

const TYPE_REFS = Object.fromEntries(RECONCILE_TYPES.map(({ id, name }) => [id, { id, name }])) as Record<
  ReconcileType,
  { id: ReconcileType; name: string }
>;

export type ReconcileCandidate = {
  id: string;
  name: string;
  description: string;
  score: number;
  match: boolean;
  type: { id: string; name: string }[];
  features: { id: string; value: boolean | number }[];
};

const withoutWww = (host: string) => host.replace(/^www\./, "");

function websiteDomain(url: string | null): string[] {
  const d = url ? domainOf(url) : null;
  return d ? [withoutWww(d)] : [];
}

/** Facts to score institutions by, one query for all of a batch's candidates. */
async function institutionFacts(slugs: string[]) {
  if (!slugs.length) return new Map<string, Omit<CandidateFacts, "name" | "tier">>();
  const rows = await db().institution.findMany({
    where: { slug: { in: slugs } },
    select: {
      slug: true,
      kind: true,
      country: true,
      website: true,
      emailDomains: true,
      memberships: {
        select: {
          organization: { select: { slug: true, acronym: true, names: { select: { name: true, acronym: true } } } },
        },
      },
    },
  });
  return new Map(
    rows.map((r) => [
      r.slug,
      {
        id: recordId("institution", r.slug),
        country: r.country,
        kind: r.kind,
        domains: [...websiteDomain(r.website), ...r.emailDomains.map((d) => withoutWww(d.toLowerCase()))],
        memberOf: {
          ids: r.memberships.flatMap((m) => [recordId("organization", m.organization.slug), m.organization.slug]),
          names: r.memberships.flatMap((m) =>
            [m.organization.acronym, ...m.organization.names.flatMap((n) => [n.name, n.acronym])]
              .filter((s): s is string => Boolean(s))
              .map(foldText),
          ),
        },
      },
    ]),
  );
}

async function organizationFacts(slugs: string[]) {
  if (!slugs.length) return new Map<string, Omit<CandidateFacts, "name" | "tier">>();
  const rows = await db().organization.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, kind: true, website: true, emailDomains: true },
  });
  return new Map(
    rows.map((r) => [
      r.slug,
      {
        id: recordId("organization", r.slug),
        // An organization spans countries and is a member of nothing here: those properties do not apply.
        country: null,
        kind: r.kind,
        domains: [...websiteDomain(r.website), ...r.emailDomains.map((d) => withoutWww(d.toLowerCase()))],
        memberOf: null,
      },
    ]),
  );
}

function describe(kind: string, country: string | null): string {
  const k = kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll("_", " ");
  return country ? `${k}, ${countryName(country, "en")}` : k;
}

/** Candidates for each query of a batch, best first, `match: true` on the one certain candidate if any. */
export async function reconcileBatch(
  queries: ReconcileQuery[],
): Promise<Record<string, { result: ReconcileCandidate[] }>> {
  const found = await Promise.all(
    queries.map((q) =>
      suggestRanked({ q: q.query, types: q.types.length ? q.types : undefined, locale: "en", limit: MAX_CANDIDATES }),
    ),
  );
  const all = found.flat();
  const [institutions, organizations] = await Promise.all([
    institutionFacts([...new Set(all.filter((s) => s.type === "institution").map((s) => s.slug))]),
    organizationFacts([...new Set(all.filter((s) => s.type === "organization").map((s) => s.slug))]),
  ]);
  const out: Record<string, { result: ReconcileCandidate[] }> = {};
  queries.forEach((q, i) => {
    const candidates: CandidateFacts[] = [];
    for (const s of found[i] ?? []) {
      const facts = (s.type === "institution" ? institutions : organizations).get(s.slug);
      if (facts) candidates.push({ ...facts, name: s.name, tier: s.tier });
    }
    const scored = scoreCandidates(candidates, q.properties);
    const confident = isConfident(scored);
    const result = scored.slice(0, q.limit).map((c, rank) => {
      const type = c.facts.id.startsWith("institution/") ? "institution" : "organization";
      return {
        id: c.facts.id,
        name: c.facts.name,
        description: describe(c.facts.kind, c.facts.country),
        score: c.score,
        match: rank === 0 && confident,
        type: [TYPE_REFS[type]],
        features: c.features,
      };
    });
    out[q.key] = { result };
  });
  return out;
}

export type ReconcileSuggestion = {
  id: string;
  name: string;
  description: string;
  notable: { id: string; name: string }[];
};

/** The suggest service for entities: the type-ahead's answer as ids of this service. */
export async function suggestEntities(prefix: string, type: ReconcileType | null, limit: number) {
  const items = await suggestRanked({ q: prefix, types: type ? [type] : undefined, locale: "en", limit });
  return items.map(
    (s): ReconcileSuggestion => ({
      id: recordId(s.type, s.slug),
      name: s.name,
      description: describe(s.kind, s.country),
      notable: [TYPE_REFS[s.type]],
    }),
  );
}

/** Throws NotFoundError naming every id of `ids` the registry does not hold. */
export async function assertRecordsExist(ids: RecordId[]): Promise<void> {
  const slugs = (type: ReconcileType) => ids.filter((i) => i.type === type).map((i) => i.slug);
  const [inst, orgs] = await Promise.all([
    db().institution.findMany({ where: { slug: { in: slugs("institution") } }, select: { slug: true } }),
    db().organization.findMany({ where: { slug: { in: slugs("organization") } }, select: { slug: true } }),
  ]);
  const known = new Set([
    ...inst.map((r) => recordId("institution", r.slug)),
    ...orgs.map((r) => recordId("organization", r.slug)),
  ]);
  const unknown = ids.map((i) => recordId(i.type, i.slug)).filter((id) => !known.has(id));
  if (unknown.length) throw new NotFoundError(`No record with the id ${unknown.join(", ")}.`);
}
