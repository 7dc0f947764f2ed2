import "server-only";
// An institution's profile facts each rest on their own source (schema.prisma, Institution): what a profile
// change must cite, and how an applied change credits the facts it changed — and only those — to its source.
import type { Tx } from "../db";
import type { Prisma } from "../../generated/prisma/client";
import { PROFILE_FACTS, changedFacts, citationErrors, type Citation } from "../../shared/fact-sources";
import type { InstitutionProfileValues, ProfileCitation } from "../../validation/institutions";
import { type institutionProfileSelect, profileOf } from "../institutions/editable-profile";

type CurrentProfile = Prisma.InstitutionGetPayload<{ select: typeof institutionProfileSelect }>;
type ProfileFact = (typeof PROFILE_FACTS)[number];
type ColumnFact = "city" | "website" | "rorId" | "wikidataId";

/** The Institution columns of each fact other than the names (which carry theirs on InstitutionName). */
export const FACT_COLUMNS = {
  city: { source: "citySource", sourceId: "citySourceId", quote: "cityQuote" },
  website: { source: "websiteSource", sourceId: "websiteSourceId", quote: "websiteQuote" },
  rorId: { source: "rorSource", sourceId: "rorSourceId", quote: "rorQuote" },
  wikidataId: { source: "wikidataSource", sourceId: "wikidataSourceId", quote: "wikidataQuote" },
} as const;

/** The source and passage the current value of one fact rests on. */
export function currentCitation(i: CurrentProfile, fact: ProfileFact): Citation {
  if (fact === "nameEn" || fact === "nameZh") {
    const n = i.names.find((x) => x.locale === (fact === "nameEn" ? "en" : "zh"));
    return { sourceUrl: n?.source?.url ?? null, sourceTitle: n?.source?.title ?? null, sourceQuote: n?.quote ?? null };
  }
  const c = FACT_COLUMNS[fact];
  const source = i[c.source];
  return { sourceUrl: source?.url ?? null, sourceTitle: source?.title ?? null, sourceQuote: i[c.quote] };
}

/** The facts a change of the profile changes. */
export const changedProfileFacts = (i: CurrentProfile, values: InstitutionProfileValues) =>
  changedFacts(PROFILE_FACTS, profileOf(i), values);

/** Why the citation cannot carry the changed facts, as field errors ({} when it can). */
export function profileCitationErrors(i: CurrentProfile, values: InstitutionProfileValues, cited: ProfileCitation) {
  const changed = changedProfileFacts(i, values);
  return citationErrors(
    changed.length > 0,
    cited,
    changed.map((f) => currentCitation(i, f)),
  );
}

/** The citation as a change request keeps it beside the proposed values (flat, like a membership's). */
export const citedFor = (c: ProfileCitation) => ({
  sourceUrl: c.sourceUrl,
  sourceTitle: c.sourceTitle,
  sourceQuote: c.sourceQuote,
  sourceSeenOn: c.sourceSeenOn?.iso ?? null,
});

/** The Institution column values crediting each changed fact (other than the names) to `sourceId`. */
export function creditedColumns(
  changed: readonly ProfileFact[],
  values: InstitutionProfileValues,
  sourceId: string,
  quote: string | null,
) {
  const data: Prisma.InstitutionUncheckedUpdateManyInput = {};
  for (const fact of changed) {
    if (fact === "nameEn" || fact === "nameZh") continue;
    const c = FACT_COLUMNS[fact as ColumnFact];
    const set = values[fact] !== null;
    data[c.sourceId] = set ? sourceId : null;
    data[c.quote] = set ? quote : null;
  }
  return data;
}

/** Replace the official names that changed, crediting each new one to `sourceId`; the unchanged keep theirs. */
export async function replaceChangedNames(
  tx: Tx,
  institutionId: string,
  changed: readonly ProfileFact[],
  values: InstitutionProfileValues,
  credit: { sourceId: string; quote: string | null },
) {
  for (const [fact, locale] of [
    ["nameEn", "en"],
    ["nameZh", "zh"],
  ] as const) {
    if (!changed.includes(fact)) continue;
    await tx.institutionName.deleteMany({ where: { institutionId, locale, kind: "OFFICIAL" } });
    const name = values[fact];
    if (name)
      await tx.institutionName.create({
        data: { institutionId, locale, name, kind: "OFFICIAL", sourceId: credit.sourceId, quote: credit.quote },
      });
  }
}
