import "server-only";
// Applying an institution's profile (names, city, website, ROR, Wikidata): from an approved change request or
// an admin's direct edit. Each changed fact is credited to the change's source; the unchanged keep theirs.
import type { Tx } from "../db";
import { DuplicateRecordError, StaleVersionError } from "../../shared/errors";
import { buildSearchText } from "../../shared/search-text";
import type { InstitutionProfileValues } from "../../validation/institutions";
import { recordAudit } from "../audit";
import { institutionProfileSelect } from "../institutions/editable-profile";
import { createCitedSource } from "./apply";
import { changedProfileFacts, creditedColumns, currentCitation, replaceChangedNames } from "./profile-sources";

/** The source a profile change cites; absent in requests made before profile changes cited one. */
export type ProfileSourceInput = {
  key: string;
  publisher: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourceQuote: string | null;
  seenOn: Date;
  /** The institution itself, when its staff state it. */
  institutionId?: string;
};

// A request sent before profile changes cited a source is still decidable: what it changes rests on the staff's
// own statement in it, not on the page the record was seeded from.
const UNCITED_TITLE = "Stated by the institution's staff in a change request";

async function assertIdentifiersFree(tx: Tx, institutionId: string, values: InstitutionProfileValues) {
  if (!values.rorId && !values.wikidataId) return;
  const taken = await tx.institution.findFirst({
    where: {
      id: { not: institutionId },
      OR: [
        ...(values.rorId ? [{ rorId: values.rorId }] : []),
        ...(values.wikidataId ? [{ wikidataId: values.wikidataId }] : []),
      ],
    },
    select: { slug: true },
  });
  if (taken) throw new DuplicateRecordError(`That ROR ID or Wikidata item already belongs to ${taken.slug}.`);
}

/** An institution's profile, version-guarded, each changed fact credited to `cited`. Also used by admins directly. */
export async function applyInstitutionProfile(
  tx: Tx,
  institutionId: string,
  baseVersion: number,
  values: InstitutionProfileValues,
  cited: ProfileSourceInput,
  audit: { actorId: string; proposerId?: string; changeRequestId?: string; before: unknown },
) {
  await assertIdentifiersFree(tx, institutionId, values);
  const current = await tx.institution.findUniqueOrThrow({
    where: { id: institutionId },
    select: institutionProfileSelect,
  });
  const changed = changedProfileFacts(current, values);
  const source = changed.length
    ? await createCitedSource(
        tx,
        cited.key,
        cited.publisher,
        { sourceUrl: cited.sourceUrl, sourceTitle: cited.sourceTitle ?? (cited.sourceUrl ? null : UNCITED_TITLE) },
        cited.seenOn,
        cited.institutionId ? { institutionId: cited.institutionId } : {},
      )
    : null;
  const others = await tx.institutionName.findMany({
    where: { institutionId, kind: { not: "OFFICIAL" } },
    select: { name: true },
  });
  const updated = await tx.institution.updateMany({
    where: { id: institutionId, version: baseVersion },
    data: {
      city: values.city,
      website: values.website,
      rorId: values.rorId,
      wikidataId: values.wikidataId,
      ...(source ? creditedColumns(changed, values, source.id, cited.sourceQuote) : {}),
      version: { increment: 1 },
      searchText: buildSearchText([values.nameEn, values.nameZh, ...others.map((n) => n.name), values.city]),
    },
  });
  if (updated.count === 0)
    throw new StaleVersionError(
      "The institution's profile changed after this was based on it: " +
        "reload and start again from the current values.",
    );
  if (source)
    await replaceChangedNames(tx, institutionId, changed, values, { sourceId: source.id, quote: cited.sourceQuote });
  await recordAudit(tx, {
    event: "institution.update",
    entityId: institutionId,
    actorId: audit.actorId,
    proposerId: audit.proposerId,
    changeRequestId: audit.changeRequestId,
    // Each side names the sources its changed values rest on.
    before: {
      ...((audit.before as object | null) ?? {}),
      sources: Object.fromEntries(changed.map((f) => [f, currentCitation(current, f)])),
    },
    after: {
      ...values,
      sources: Object.fromEntries(
        changed.map((f) => [
          f,
          { sourceUrl: cited.sourceUrl, sourceTitle: cited.sourceTitle, sourceQuote: cited.sourceQuote },
        ]),
      ),
    },
  });
}
