import type { PublicChange } from "../shared/types/changes";

// Atom 1.0 (RFC 4287) feeds of the public changes: every change, or one organization's or institution's. Entry ids
// are tag: URIs (RFC 4151) of the change's id, so a reader never sees one change twice, whichever feed it is in.

export type AtomFeed = {
  /** The feed's own path on the site ("/feeds/changes.atom"). */
  path: string;
  /** Makes the feed's id: "changes", "organizations/<slug>". */
  key: string;
  title: string;
  /** The page the feed is about (absolute). */
  pageUrl: string;
};

const FIELD_LABELS: Record<string, string> = {
  nameEn: "English name",
  nameZh: "Chinese name",
  acronym: "acronym",
  kind: "type",
  country: "country or region",
  city: "city",
  founded: "founded",
  website: "website",
  rorId: "ROR ID",
  wikidataId: "Wikidata item",
  introduction: "introduction",
  introductionLocale: "introduction's language",
  formerNames: "former names",
  founders: "founders",
  declaredCounts: "declared member counts",
  role: "role",
  status: "status",
  joined: "joined",
  ended: "ended",
  notes: "notes",
  confirmedAt: "confirmed by the university",
  organizationConfirmedAt: "confirmed by the organization",
  sourceUrl: "source address",
  sourceTitle: "source title",
  sourceQuote: "quoted passage",
  sourceSeenOn: "source read on",
};

// XML 1.0 allows no C0 control character but tab, line feed and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(v: string): string {
  return v
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A stored value in one line of English. */
function valueText(v: unknown): string {
  if (v === null || v === undefined || v === "") return "none";
  if (typeof v === "object" && !Array.isArray(v) && typeof (v as { iso?: unknown }).iso === "string")
    return (v as { iso: string }).iso;
  if (Array.isArray(v)) return v.length ? v.map(valueText).join("; ") : "none";
  if (typeof v === "object")
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => `${k} ${valueText(x)}`)
      .join(", ");
  return String(v);
}

/** The fields whose values differ between the two sides (the citations are told apart, as the source). */
function changedFields(c: PublicChange): string[] {
  const keys = new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})]);
  keys.delete("sources");
  return [...keys].filter((k) => JSON.stringify(c.before?.[k] ?? null) !== JSON.stringify(c.after?.[k] ?? null));
}

const label = (field: string) => FIELD_LABELS[field] ?? field;

const TITLES: Record<PublicChange["event"], string> = {
  "membership.create": "membership recorded",
  "membership.update": "membership updated",
  "membership.end": "membership ended",
  "membership.confirm": "membership confirmed by the university",
  "membership.corroborate": "membership confirmed by the organization",
  "membership.reread": "membership's source read again",
  "institution.create": "institution added",
  "institution.update": "institution's profile updated",
  "organization.create": "organization added",
  "organization.update": "organization's profile updated",
};

/** "Nanjing Medical University in BRIMEA: membership updated (joined, role)". */
export function changeTitle(c: PublicChange): string {
  const fields = c.event.endsWith(".update") ? changedFields(c) : [];
  return `${c.record.name}: ${TITLES[c.event]}${fields.length ? ` (${fields.map(label).join(", ")})` : ""}`;
}

/** What changed, a line per field ("joined: 2016 → 2016-03"), then the source. */
export function changeSummary(c: PublicChange): string {
  const lines = changedFields(c).map((f) =>
    c.before
      ? `${label(f)}: ${valueText(c.before[f])} → ${valueText(c.after?.[f])}`
      : `${label(f)}: ${valueText(c.after?.[f])}`,
  );
  if (c.source) {
    const s = c.source;
    lines.push(`Source: ${[s.title, s.url].filter(Boolean).join(", ") || "given"}${s.quote ? ` — “${s.quote}”` : ""}`);
  }
  return lines.length ? lines.join("\n") : TITLES[c.event];
}

/** The feed's tag: URI authority: the site's host name (a port is not part of one). */
const tagBase = (siteUrl: string) => `tag:${new URL(siteUrl).hostname},2026:`;

export function changeEntryId(siteUrl: string, id: string): string {
  return `${tagBase(siteUrl)}changes/${id}`;
}

function entry(siteUrl: string, c: PublicChange): string {
  return [
    "<entry>",
    `<id>${xmlText(changeEntryId(siteUrl, c.id))}</id>`,
    `<title type="text">${xmlText(changeTitle(c))}</title>`,
    `<updated>${c.at}</updated>`,
    `<published>${c.at}</published>`,
    `<link rel="alternate" type="text/html" href="${xmlText(c.record.pageUrl)}"/>`,
    `<link rel="related" type="application/json" href="${xmlText(new URL(c.record.apiUrl, siteUrl).href)}"/>`,
    `<category term="${c.event}"/>`,
    `<summary type="text">${xmlText(changeSummary(c))}</summary>`,
    "</entry>",
  ].join("\n");
}

/** The feed document; `updated` is its newest entry's time (or `emptySince` when it has none). */
export function atomFeedXml(siteUrl: string, feed: AtomFeed, changes: PublicChange[], emptySince: Date): string {
  const site = siteUrl.replace(/\/$/, "");
  const updated =
    changes
      .map((c) => c.at)
      .sort()
      .at(-1) ?? emptySince.toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${xmlText(`${tagBase(siteUrl)}${feed.key}`)}</id>`,
    `<title type="text">${xmlText(feed.title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(`${site}${feed.path}`)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>`,
    "<author><name>Alliance Atlas</name></author>",
    "<rights>CC0 1.0: the registry's data is in the public domain.</rights>",
    ...changes.map((c) => entry(site, c)),
    "</feed>",
    "",
  ].join("\n");
}
