/**
 * The institution directory: the Hipo list of the world's universities (prisma/seed-data/world-universities/), turned
 * into one record per institution with the decisions of its corrections.json applied. Pure: the loader
 * (./load.ts) writes what this returns.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { slugify } from "../../lib/shared/slug";

export type ListEntry = {
  name: string;
  alpha_two_code: string;
  domains: string[];
  web_pages: string[];
  "state-province": string | null;
};

export type Corrections = {
  /** Registry slug → the domain of the list entry that is this institution. */
  registry: Record<string, string>;
  /** Entries that are one institution: every entry holding one of the domains; `name` picks the primary entry. */
  sameInstitution: { domains: string[]; name?: string }[];
  /** Domain → the place that tells apart entries of the same name and country (it goes into the slug). */
  apart: Record<string, string>;
  /** Domain → the list's mistake, corrected. */
  fixes: Record<string, { name?: string; country?: string; why: string }>;
  /** Entry name → a domain the list gives it that belongs to another entry. */
  notTheirDomain: Record<string, string>;
  /** Domains the list gives for students or alumni: never proof of a staff member. */
  nonStaffDomains: string[];
};

export type DirectoryRecord = {
  /** Stable key: the primary entry's first domain (else country:name-slug). */
  directoryId: string;
  name: string;
  /** The other entries' names, when they differ. */
  otherNames: string[];
  country: string;
  website: string | null;
  emailDomains: string[];
  nonStaffDomains: string[];
  /** Set when the record is an institution the registry already holds (its slug). */
  registrySlug: string | null;
  /** The place from corrections.apart, for same-named records. */
  place: string | null;
};

export const DIRECTORY_DIR = path.join(import.meta.dirname, "..", "seed-data", "world-universities");

export function readDirectoryList(dir = DIRECTORY_DIR): { list: ListEntry[]; corrections: Corrections } {
  return {
    list: JSON.parse(readFileSync(path.join(dir, "world_universities_and_domains.json"), "utf8")) as ListEntry[],
    corrections: JSON.parse(readFileSync(path.join(dir, "corrections.json"), "utf8")) as Corrections,
  };
}

/**
 * Subdomains the list gives for students' or alumni's mail (student.uts.edu.au, alumnos.ui1.es): a mailbox there
 * proves a place of study, not a staff post. ("stu." is left out: stu.edu.cn is Shantou University's own domain.)
 */
export const STUDENT_SUBDOMAIN = /^(students?|std|alumni|alumnos|estudiantes?)\./;

const domainOf = (d: string) => d.trim().toLowerCase().replace(/\.$/, "");

/** Prefers an https address, and one on the entry's own domain. */
function pickWebsite(pages: string[]): string | null {
  const valid = pages.filter((p) => /^https?:\/\/[^\s/]+/i.test(p));
  return valid.find((p) => p.startsWith("https://")) ?? valid[0] ?? null;
}

/**
 * One record per institution. Throws on what must be decided by hand: two entries with the same name and country
 * that corrections.json neither merges nor tells apart, a domain held by two records, a correction naming an
 * entry the list does not have.
 */
export function buildDirectory(list: ListEntry[], corrections: Corrections): DirectoryRecord[] {
  const entries = list.map((e) => {
    const wrong = corrections.notTheirDomain[e.name];
    const domains = [...new Set(e.domains.map(domainOf))].filter((d) => d !== wrong);
    const fix = domains.map((d) => corrections.fixes[d]).find(Boolean);
    const hostIsWrong = (page: string) => URL.canParse(page) && new URL(page).hostname.replace(/^www\./, "") === wrong;
    return {
      name: (fix?.name ?? e.name).replace(/\s+/g, " ").trim(),
      country: (fix?.country ?? e.alpha_two_code).toUpperCase(),
      domains,
      pages: e.web_pages.filter((p) => !hostIsWrong(p)),
    };
  });
  const holders = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const d of e.domains) holders.set(d, [...(holders.get(d) ?? []), i]);
  });
  const find = (domain: string, why: string) => {
    const found = holders.get(domain);
    if (!found) throw new Error(`corrections.json (${why}) names ${domain}, which no entry of the list holds.`);
    return found;
  };

  // Union of the entries corrections.json declares one institution; the primary entry comes first.
  const groupOf = entries.map((_, i) => [i]);
  const owner = entries.map((_, i) => i);
  for (const group of corrections.sameInstitution) {
    const members = [...new Set(group.domains.flatMap((d) => find(d, "sameInstitution")))].sort((a, b) => a - b);
    const primary = group.name ? members.find((i) => entries[i]?.name === group.name) : members[0];
    if (primary === undefined)
      throw new Error(`corrections.json: no entry named "${group.name}" holds ${group.domains}`);
    const ordered = [primary, ...members.filter((i) => i !== primary)];
    for (const i of ordered) owner[i] = primary;
    groupOf[primary] = ordered;
  }

  const registryByDomain = new Map(Object.entries(corrections.registry).map(([slug, d]) => [domainOf(d), slug]));
  for (const d of registryByDomain.keys()) find(d, "registry");
  for (const d of Object.keys(corrections.apart)) find(d, "apart");

  const listedNonStaff = new Set(corrections.nonStaffDomains.map(domainOf));
  const nonStaff = { has: (d: string) => listedNonStaff.has(d) || STUDENT_SUBDOMAIN.test(d) };
  const records: DirectoryRecord[] = [];
  entries.forEach((entry, i) => {
    if (owner[i] !== i) return;
    const members = (groupOf[i] ?? [i]).map((j) => entries[j]).filter((e) => e !== undefined);
    const domains = [...new Set(members.flatMap((m) => m.domains))];
    records.push({
      // An entry left with no domain of its own (its only one was another's) is keyed by country and name.
      directoryId: domains[0] ?? `${entry.country.toLowerCase()}:${slugify(entry.name)}`,
      name: entry.name,
      // "X (Student email)" names a mail service, not the institution.
      otherNames: [...new Set(members.map((m) => m.name))].filter(
        (n) => n !== entry.name && !/\(student email\)/i.test(n),
      ),
      country: entry.country,
      website: pickWebsite(members.flatMap((m) => m.pages)),
      emailDomains: domains.filter((d) => !nonStaff.has(d)),
      nonStaffDomains: domains.filter((d) => nonStaff.has(d)),
      registrySlug: domains.map((d) => registryByDomain.get(d)).find(Boolean) ?? null,
      place: domains.map((d) => corrections.apart[d]).find(Boolean) ?? null,
    });
  });

  const byNameCountry = new Map<string, DirectoryRecord[]>();
  const domainHolder = new Map<string, string>();
  for (const r of records) {
    const key = `${r.name.toLowerCase()}|${r.country}`;
    byNameCountry.set(key, [...(byNameCountry.get(key) ?? []), r]);
    for (const d of r.emailDomains) {
      const other = domainHolder.get(d);
      if (other)
        throw new Error(`The domain ${d} belongs to both "${other}" and "${r.name}": decide in corrections.json.`);
      domainHolder.set(d, r.name);
    }
  }
  for (const same of byNameCountry.values()) {
    if (same.length > 1 && same.some((r) => !r.place))
      throw new Error(
        `"${same[0]?.name}" (${same[0]?.country}) is in the list ${same.length} times: ` +
          "say in corrections.json whether they are one institution (sameInstitution) or not (apart).",
      );
  }
  return records;
}

/**
 * A slug for each record the registry does not hold yet, unique against `taken` (the slugs in the database): the
 * name, then the name with the place or country, then a number.
 */
export function assignSlugs(records: DirectoryRecord[], taken: Set<string>): Map<string, string> {
  const slugs = new Map<string, string>();
  const used = new Set(taken);
  for (const r of records) {
    // A record the registry holds is matched, not added (load.ts); one that reaches here was not matched (the
    // registry's own institution is absent, as in the synthetic world): it is added under the registry's slug.
    if (r.registrySlug && !used.has(r.registrySlug)) {
      used.add(r.registrySlug);
      slugs.set(r.directoryId, r.registrySlug);
      continue;
    }
    const base = slugify(r.name) || slugify(r.directoryId);
    // Same-named colleges told apart by place all carry it, so neither looks like "the" one.
    const candidates = [r.place ? `${base}-${slugify(r.place)}` : base, `${base}-${r.country.toLowerCase()}`].filter(
      (c): c is string => Boolean(c),
    );
    let slug = candidates.find((c) => !used.has(c));
    for (let n = 2; !slug; n++) if (!used.has(`${base}-${n}`)) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(r.directoryId, slug);
  }
  return slugs;
}
