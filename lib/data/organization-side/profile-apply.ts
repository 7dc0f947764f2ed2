import "server-only";
// Applying an approved change of an organization's profile proposed by its secretariat (profile-propose.ts), inside
// the approval's transaction (decide.ts): guarded by the organization's version, each changed fact credited to the
// source the proposal cites — a Source published by the organization itself — and the unchanged keep theirs. A name
// no longer official is kept as a FORMER name (the proposal lists it); founders and counts that did not change keep
// their rows, sources and details (a count's countries, its previous value); the others are replaced.
import type { Tx } from "../db";
import { StaleVersionError } from "../../shared/errors";
import { toStoredDate, type PartialDate } from "../../shared/dates";
import { type Citation, seenOnDate } from "../../shared/fact-sources";
import { pickName } from "../../shared/names";
import { buildSearchText } from "../../shared/search-text";
import type { OrganizationSideProfile } from "../../validation/organization-profile";
import { recordAudit } from "../audit";
import { createCitedSource, type Applied } from "../change-requests/apply";
import { refreshOrganizationDerived } from "../organizations/derived";
import {
  changedOrganizationFacts,
  currentOrganizationCitations,
  type OrganizationProfileFact,
  organizationProfileOf,
  organizationSideProfileSelect,
} from "./profile-values";

type Cited = Record<`source${"Url" | "Title" | "Quote" | "SeenOn"}`, string | null>;
type Credit = { sourceId: string; quote: string };

/** The request as decide.ts reads it. */
export type OrganizationProfileRequest = {
  id: string;
  organizationId: string | null;
  baseVersion: number | null;
  proposed: unknown;
  before: unknown;
  proposedById: string;
  createdAt: Date;
};

const stored = (d: PartialDate | null) => (d ? toStoredDate(d) : null);
const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** Official names (English with the acronym), and former names with their "valid until" dates. */
async function applyNames(tx: Tx, organizationId: string, v: OrganizationSideProfile, credit: Credit) {
  const rows = await tx.organizationName.findMany({
    where: { organizationId },
    select: {
      id: true,
      locale: true,
      name: true,
      kind: true,
      acronym: true,
      validUntil: true,
      validUntilPrecision: true,
    },
  });
  const targets = [
    { locale: "en", name: v.nameEn, kind: "OFFICIAL" as const, acronym: v.acronym, until: null },
    ...(v.nameZh ? [{ locale: "zh", name: v.nameZh, kind: "OFFICIAL" as const, acronym: null, until: null }] : []),
    ...v.formerNames.map((n) => ({ ...n, kind: "FORMER" as const, acronym: undefined, until: stored(n.validUntil) })),
  ];
  const kept = new Set<string>();
  for (const t of targets) {
    const row = rows.find((r) => r.locale === t.locale && r.name === t.name);
    const data = {
      kind: t.kind,
      validUntil: t.until?.date ?? null,
      validUntilPrecision: t.until?.precision ?? null,
      ...(t.acronym !== undefined ? { acronym: t.acronym } : {}),
      ...credit,
    };
    if (!row) {
      await tx.organizationName.create({ data: { organizationId, locale: t.locale, name: t.name, ...data } });
      continue;
    }
    kept.add(row.id);
    const same =
      row.kind === t.kind &&
      sameDay(row.validUntil, data.validUntil) &&
      row.validUntilPrecision === data.validUntilPrecision &&
      (t.acronym === undefined || row.acronym === t.acronym);
    if (!same) await tx.organizationName.update({ where: { id: row.id }, data });
  }
  // What the profile shows and no longer lists; alternate names (and official names of past periods) stay.
  const dropped = rows.filter(
    (r) => !kept.has(r.id) && (r.kind === "FORMER" || (r.kind === "OFFICIAL" && r.validUntil === null)),
  );
  if (dropped.length) await tx.organizationName.deleteMany({ where: { id: { in: dropped.map((r) => r.id) } } });
}

async function applyFounders(tx: Tx, organizationId: string, v: OrganizationSideProfile, credit: Credit) {
  const rows = await tx.organizationFounder.findMany({
    where: { organizationId },
    select: { id: true, institutionId: true, role: true, position: true },
  });
  const kept = new Set<string>();
  for (const [position, f] of v.founders.entries()) {
    const row = rows.find((r) => r.institutionId === f.institutionId && r.role === f.role);
    if (!row) {
      await tx.organizationFounder.create({
        data: { organizationId, institutionId: f.institutionId, role: f.role, position, ...credit },
      });
      continue;
    }
    kept.add(row.id);
    // The order is the secretariat's way of listing them, not a fact: the row keeps its source.
    if (row.position !== position) await tx.organizationFounder.update({ where: { id: row.id }, data: { position } });
  }
  const dropped = rows.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (dropped.length) await tx.organizationFounder.deleteMany({ where: { id: { in: dropped } } });
}

async function applyCounts(tx: Tx, organizationId: string, v: OrganizationSideProfile, credit: Credit) {
  const rows = await tx.declaredCount.findMany({
    where: { organizationId },
    select: { id: true, subject: true, qualifier: true, value: true, asOf: true, asOfPrecision: true },
    orderBy: { id: "asc" },
  });
  const kept = new Set<string>();
  for (const c of v.declaredCounts) {
    const asOf = stored(c.asOf);
    const row = rows.find(
      (r) =>
        !kept.has(r.id) &&
        r.subject === c.subject &&
        r.qualifier === c.qualifier &&
        r.value === c.value &&
        sameDay(r.asOf, asOf?.date ?? null) &&
        r.asOfPrecision === (asOf?.precision ?? null),
    );
    if (row) {
      kept.add(row.id);
      continue;
    }
    // A new statement of the count: what the old one said besides (countries named, a previous value) rested on
    // the old source and stays in the audit row's "before".
    await tx.declaredCount.create({
      data: {
        organizationId,
        subject: c.subject,
        qualifier: c.qualifier,
        value: c.value,
        countries: [],
        asOf: asOf?.date ?? null,
        asOfPrecision: asOf?.precision ?? null,
        ...credit,
      },
    });
  }
  const dropped = rows.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (dropped.length) await tx.declaredCount.deleteMany({ where: { id: { in: dropped } } });
}

/** The declared counts as stored, every detail included: what the audit row's "before" keeps of replaced ones. */
const storedCounts = (tx: Tx, organizationId: string) =>
  tx.declaredCount.findMany({
    where: { organizationId },
    select: {
      subject: true,
      qualifier: true,
      value: true,
      previousValue: true,
      countryCount: true,
      countries: true,
      asOf: true,
      asOfPrecision: true,
      quote: true,
    },
    orderBy: { id: "asc" },
  });

/** The sources a fact's rows rest on, each once, as one line ("title · address · “passage”"). */
const citationTexts = (citations: Citation[]) => [
  ...new Set(
    citations.map((c) =>
      [c.sourceTitle, c.sourceUrl, c.sourceQuote ? `“${c.sourceQuote}”` : null].filter(Boolean).join(" · "),
    ),
  ),
];

const STALE =
  "The organization's profile changed after this request was made: it cannot be applied as it is. " +
  "Ask for a new request based on the current values.";

/** The Organization row's own columns, version-guarded: each changed one credited to `source`. */
async function updateOrganizationRow(
  tx: Tx,
  at: { organizationId: string; baseVersion: number },
  values: OrganizationSideProfile,
  changed: readonly OrganizationProfileFact[],
  credit: Credit,
) {
  const { organizationId } = at;
  const alternates = await tx.organizationName.findMany({
    where: { organizationId, kind: "ALTERNATE" },
    select: { name: true },
  });
  const website = changed.includes("website");
  const introduction = changed.includes("introduction");
  const updated = await tx.organization.updateMany({
    where: { id: organizationId, version: at.baseVersion },
    data: {
      acronym: values.acronym,
      website: values.website,
      introduction: values.introduction,
      introductionLocale: values.introduction ? values.introductionLocale : null,
      ...(website
        ? {
            websiteSourceId: values.website ? credit.sourceId : null,
            websiteQuote: values.website ? credit.quote : null,
          }
        : {}),
      ...(introduction ? { introductionSourceId: values.introduction ? credit.sourceId : null } : {}),
      version: { increment: 1 },
      searchText: buildSearchText([
        values.nameEn,
        values.nameZh,
        values.acronym,
        ...values.formerNames.map((n) => n.name),
        ...alternates.map((n) => n.name),
        values.introduction,
      ]),
    },
  });
  if (updated.count === 0) throw new StaleVersionError(STALE);
}

/** An approved ORGANIZATION_UPDATE request: the organization's profile as proposed, with its audit row. */
export async function applyOrganizationProfileRequest(
  tx: Tx,
  r: OrganizationProfileRequest,
  actorId: string,
): Promise<Applied> {
  const organizationId = r.organizationId;
  if (!organizationId || r.baseVersion === null) throw new Error(`Change request ${r.id} names no organization.`);
  const { sourceUrl, sourceTitle, sourceQuote, sourceSeenOn, ...values } = r.proposed as OrganizationSideProfile &
    Cited;
  const current = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: organizationSideProfileSelect,
  });
  if (current.version !== r.baseVersion) throw new StaleVersionError(STALE);
  // A founder's institution gone since (merged away) makes the request out of date, never a foreign-key failure.
  const founders = values.founders.map((f) => f.institutionId);
  if ((await tx.institution.count({ where: { id: { in: founders } } })) !== new Set(founders).size)
    throw new StaleVersionError(STALE);
  const before = organizationProfileOf(current);
  const changed = changedOrganizationFacts(before, values);
  const countsBefore = changed.includes("declaredCounts") ? await storedCounts(tx, organizationId) : null;
  // A Source published by the organization itself: its secretariat's statement, citing the page it quotes.
  const source = await createCitedSource(
    tx,
    `change-${r.id}`,
    pickName(current.names, "en").name,
    { sourceUrl, sourceTitle },
    seenOnDate(sourceSeenOn, r.createdAt),
    { organizationId },
  );
  const credit: Credit = { sourceId: source.id, quote: sourceQuote ?? "" };
  await updateOrganizationRow(tx, { organizationId, baseVersion: r.baseVersion }, values, changed, credit);
  if (changed.some((f) => f === "nameEn" || f === "nameZh" || f === "acronym" || f === "formerNames"))
    await applyNames(tx, organizationId, values, credit);
  if (changed.includes("founders")) await applyFounders(tx, organizationId, values, credit);
  if (changed.includes("declaredCounts")) await applyCounts(tx, organizationId, values, credit);
  await refreshOrganizationDerived(tx, [organizationId]);
  const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((f) => [f, o[f] ?? null]));
  await recordAudit(tx, {
    event: "organization.update",
    entityId: organizationId,
    actorId,
    proposerId: r.proposedById,
    changeRequestId: r.id,
    // Each side: the changed facts, with the sources they rest on (and the replaced counts as they were stored).
    before: {
      ...pick(before),
      ...(countsBefore ? { declaredCounts: countsBefore } : {}),
      sources: Object.fromEntries(changed.map((f) => [f, citationTexts(currentOrganizationCitations(current, f))])),
    },
    after: {
      ...pick(values),
      sources: Object.fromEntries(changed.map((f) => [f, { sourceUrl, sourceTitle, sourceQuote }])),
    },
  });
  return { organizationId };
}
