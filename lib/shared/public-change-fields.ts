// Client-safe: which stored values of an audit row are public. An audit row keeps whatever its writer gave it
// (ids of accounts and institutions, e-mail domains, a proposal's membership facts beside an organization's
// profile); the changes stream and the feeds show only the fields the public pages and the read API show.
import type { PublicChangeEvent, PublicChangeSource } from "./types/changes";

const SOURCE_FIELDS = ["sourceUrl", "sourceTitle", "sourceQuote", "sourceSeenOn"] as const;

const MEMBERSHIP_FIELDS = [
  "role",
  "status",
  "joined",
  "ended",
  // Earlier periods (left, then rejoined), earliest first; a side without them had none.
  "formerPeriods",
  "notes",
  "confirmedAt",
  "organizationConfirmedAt",
  ...SOURCE_FIELDS,
];
const INSTITUTION_FIELDS = ["nameEn", "nameZh", "kind", "country", "city", "website", "rorId", "wikidataId"];
const ORGANIZATION_FIELDS = [
  "nameEn",
  "nameZh",
  "acronym",
  "kind",
  "founded",
  "website",
  "wikidataId",
  "introduction",
  "introductionLocale",
  "formerNames",
  "founders",
  "declaredCounts",
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A founder is stored with its institution's internal id: the public side is its name and role. */
const founder = (v: unknown) => (isRecord(v) ? { name: v.name ?? null, role: v.role ?? null } : null);

/** The citations of changed facts, keyed by field: only the citation's own texts. */
function publicSources(v: unknown): Record<string, Record<string, unknown> | null> | undefined {
  if (!isRecord(v)) return undefined;
  return Object.fromEntries(
    Object.entries(v).map(([field, c]) => [
      field,
      isRecord(c) ? Object.fromEntries(SOURCE_FIELDS.filter((k) => k in c).map((k) => [k, c[k] ?? null])) : null,
    ]),
  );
}

function fieldsOf(event: PublicChangeEvent): readonly string[] {
  if (event.startsWith("membership.")) return MEMBERSHIP_FIELDS;
  if (event.startsWith("institution.")) return [...INSTITUTION_FIELDS, ...SOURCE_FIELDS];
  // organization.create from a proposal stores the proposing institution's membership facts too: those are the
  // membership.create event's, not the organization's.
  return [...ORGANIZATION_FIELDS, ...SOURCE_FIELDS];
}

/** The public fields of one side of an audit row (null when the side holds nothing public). */
export function publicChangeValues(event: PublicChangeEvent, raw: unknown): Record<string, unknown> | null {
  if (!isRecord(raw)) return null;
  const out: Record<string, unknown> = {};
  for (const field of fieldsOf(event)) {
    if (!(field in raw)) continue;
    const value = raw[field];
    out[field] = field === "founders" && Array.isArray(value) ? value.map(founder) : (value ?? null);
  }
  if (!event.startsWith("membership.")) {
    const sources = publicSources(raw.sources);
    if (sources) out.sources = sources;
  }
  return Object.keys(out).length ? out : null;
}

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

function sourceOf(v: Record<string, unknown>): PublicChangeSource | null {
  const source = {
    title: text(v.sourceTitle),
    url: text(v.sourceUrl),
    quote: text(v.sourceQuote),
    seenOn: text(v.sourceSeenOn),
  };
  return Object.values(source).some(Boolean) ? source : null;
}

/** The source the new values rest on: the side's own citation, or the first of its per-field citations. */
export function publicChangeSource(after: Record<string, unknown> | null): PublicChangeSource | null {
  if (!after) return null;
  const own = sourceOf(after);
  if (own) return own;
  if (!isRecord(after.sources)) return null;
  for (const c of Object.values(after.sources)) {
    const cited = isRecord(c) ? sourceOf(c) : null;
    if (cited) return cited;
  }
  return null;
}
