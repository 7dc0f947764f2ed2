// The synthetic world's rows, table by table, in COPY column order. Everything derives from one seed.
import { slugify } from "../../lib/shared/slug.ts";
import { buildSearchText } from "../../lib/shared/search-text.ts";
import { createRandom, createWeightedSampler, powerLawSizes, type Random } from "./random.ts";
import {
  COUNTRIES,
  INSTITUTION_KINDS,
  ORGANIZATION_KINDS,
  institutionNames,
  organizationNames,
  place,
  type OrganizationKind,
} from "./names.ts";

export type Value = string | number | boolean | null;
export type Row = Value[];

export const FULL = { organizations: 75_000, institutions: 110_000, memberships: 1_000_000 };
/** Every timestamp is relative to this day, so two runs give the same rows. */
const NOW = Date.UTC(2026, 10, 1);
const LAST_YEAR = 2026;

export const columns = {
  Source: ["id", "key", "kind", "title", "publisher", "url", "language", "seenOn", "createdAt"],
  Institution: [
    "id",
    "slug",
    "kind",
    "country",
    "city",
    "website",
    "rorId",
    "wikidataId",
    "sourceId",
    "searchText",
    "version",
    "createdAt",
    "updatedAt",
  ],
  InstitutionName: ["id", "institutionId", "locale", "name", "kind", "sourceId"],
  Organization: [
    "id",
    "slug",
    "kind",
    "acronym",
    "foundedOn",
    "foundedPrecision",
    "foundedSourceId",
    "foundedQuote",
    "introduction",
    "introductionLocale",
    "introductionSourceId",
    "fields",
    "website",
    "parentId",
    "countries",
    "memberCount",
    "searchText",
    "version",
    "createdAt",
    "updatedAt",
  ],
  OrganizationName: [
    "id",
    "organizationId",
    "locale",
    "name",
    "acronym",
    "kind",
    "validFrom",
    "validFromPrecision",
    "validUntil",
    "validUntilPrecision",
    "sourceId",
    "quote",
  ],
  OrganizationFounder: ["id", "organizationId", "institutionId", "role", "position", "sourceId", "quote"],
  DeclaredCount: [
    "id",
    "organizationId",
    "subject",
    "qualifier",
    "value",
    "previousValue",
    "countryCount",
    "countries",
    "countriesComplete",
    "asOf",
    "asOfPrecision",
    "sourceId",
    "quote",
  ],
  OrganizationPerson: ["id", "organizationId", "name", "role", "description", "institutionId", "sourceId", "quote"],
  Membership: [
    "id",
    "institutionId",
    "organizationId",
    "role",
    "joinedOn",
    "joinedPrecision",
    "endedOn",
    "endedPrecision",
    "status",
    "notes",
    "sourceId",
    "quote",
    "version",
    "createdAt",
    "updatedAt",
  ],
} as const;

export type Table = keyof typeof columns;

type PartialDate = { on: string; precision: "YEAR" | "MONTH" | "DAY" };

/** A date in [fromYear, toYear] at a random precision; the parts below the precision are 1, as stored. */
function partialDate(
  r: Random,
  fromYear: number,
  toYear: number,
  weights = { YEAR: 45, MONTH: 25, DAY: 30 },
): PartialDate {
  const year = r.int(fromYear, Math.max(fromYear, toYear));
  const precision = r.weighted([
    ["YEAR", weights.YEAR],
    ["MONTH", weights.MONTH],
    ["DAY", weights.DAY],
  ] as const);
  const month = precision === "YEAR" ? 1 : r.int(1, 12);
  const day = precision === "DAY" ? r.int(1, 28) : 1;
  return { on: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, precision };
}

function timestamp(r: Random, daysBack: number) {
  return new Date(NOW - r.int(0, daysBack * 24) * 3_600_000).toISOString();
}

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
/** A well-formed ROR ID (0 + six Crockford base32 characters + ISO 7064 mod 97-10 checksum), unique per n. */
export function rorId(n: number) {
  let body = "";
  let v = n * 7919 + 104_729;
  for (let i = 0; i < 6; i++) {
    body = CROCKFORD[v % 32] + body;
    v = Math.floor(v / 32);
  }
  const value = body.split("").reduce((acc, c) => acc * 32 + CROCKFORD.indexOf(c), 0);
  const checksum = 98 - ((value * 100) % 97);
  return `0${body}${String(checksum).padStart(2, "0")}`;
}

function uniqueSlug(used: Map<string, number>, name: string) {
  const base = slugify(name) || "entry";
  const n = (used.get(base) ?? 0) + 1;
  used.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}

const pgArray = (items: readonly string[]) => `{${items.join(",")}}`;

export type World = ReturnType<typeof planWorld>;

/**
 * Decide the world: counts at this scale, every institution (kept in memory: organizations need their
 * countries), organization sizes and which institutions belong to each.
 */
export function planWorld(scale: number, seed: number) {
  const counts = {
    organizations: Math.max(10, Math.round(FULL.organizations * scale)),
    institutions: Math.max(20, Math.round(FULL.institutions * scale)),
    memberships: Math.max(40, Math.round(FULL.memberships * scale)),
    sources: Math.max(5, Math.round(2_000 * scale)),
  };
  const r = createRandom(seed);
  const countryTable = COUNTRIES.map((c) => [c, c[2]] as const);
  const institutions = Array.from({ length: counts.institutions }, (_, i) => {
    const [country, lang] = r.weighted(countryTable);
    const kind = r.weighted(INSTITUTION_KINDS);
    return {
      id: `wi${i.toString(36)}`,
      country,
      kind,
      names: institutionNames(r, kind, lang),
      city: place(r, lang).en,
    };
  });
  // A handful of organizations with thousands of members (6,000 at full scale), most with a few; no
  // organization can list more members than there are institutions.
  const sizes = powerLawSizes(
    counts.organizations,
    counts.memberships,
    Math.round(Math.max(60, 6_000 * Math.sqrt(scale))),
    Math.floor(counts.institutions * 0.6),
  );
  // Some institutions belong to many organizations (the big research universities), most to a few.
  const weights = new Float64Array(counts.institutions).map((_, j) => 1 / Math.sqrt(j + 20));
  const sample = createWeightedSampler(weights);
  const members: Int32Array[] = [];
  const scratch = Int32Array.from({ length: counts.institutions }, (_, j) => j);
  for (const size of sizes) {
    const chosen = new Int32Array(size);
    if (size > counts.institutions * 0.2) {
      // Large lists: a partial Fisher–Yates shuffle (weighted rejection would stall near the cap).
      for (let k = 0; k < size; k++) {
        const j = k + Math.floor(r.next() * (counts.institutions - k));
        [scratch[k], scratch[j]] = [scratch[j]!, scratch[k]!];
        chosen[k] = scratch[k]!;
      }
    } else {
      const seen = new Set<number>();
      for (let k = 0; k < size; ) {
        const j = sample(r.next());
        if (seen.has(j)) continue;
        seen.add(j);
        chosen[k++] = j;
      }
    }
    members.push(chosen);
  }
  return { counts, seed, institutions, sizes, members };
}

export function* sourceRows(world: World): Generator<Row> {
  for (let s = 0; s < world.counts.sources; s++) {
    yield [
      `ws${s.toString(36)}`,
      `world-${s + 1}`,
      "DOCUMENT",
      `Synthetic world register, part ${s + 1}`,
      "Alliance Atlas synthetic data",
      `https://example.org/world/${s + 1}`,
      "en",
      "2026-10-01",
      new Date(NOW).toISOString(),
    ];
  }
}

const sourceOf = (world: World, i: number) => `ws${(i % world.counts.sources).toString(36)}`;

export function* institutionRows(world: World, names: Row[]): Generator<Row> {
  const r = createRandom(world.seed + 1);
  const used = new Map<string, number>();
  for (let i = 0; i < world.institutions.length; i++) {
    const inst = world.institutions[i]!;
    const slug = uniqueSlug(used, inst.names[0]!.name);
    for (const [k, n] of inst.names.entries())
      names.push([`${inst.id}n${k}`, inst.id, n.locale, n.name, "OFFICIAL", sourceOf(world, i)]);
    yield [
      inst.id,
      slug,
      inst.kind,
      inst.country,
      inst.city,
      r.chance(0.9) ? `https://${slug}.example.org/` : null,
      r.chance(0.8) ? rorId(i) : null,
      r.chance(0.5) ? `Q${1_000_000 + i * 7}` : null,
      sourceOf(world, i),
      buildSearchText([...inst.names.map((n) => n.name), inst.city]),
      1,
      timestamp(r, 900),
      timestamp(r, 400),
    ];
  }
}

export type OrganizationExtras = {
  names: Row[];
  founders: Row[];
  counts: Row[];
  people: Row[];
  foundedYears: Map<string, number>;
};

/** Organizations with their names, founders, declared counts and people. Membership rows come after. */
export function* organizationRows(world: World, extra: OrganizationExtras): Generator<Row> {
  const r = createRandom(world.seed + 2);
  const used = new Map<string, number>();
  const agreements: string[] = [];
  for (let o = 0; o < world.counts.organizations; o++) {
    const id = `wo${o.toString(36)}`;
    const kind: OrganizationKind = r.weighted(ORGANIZATION_KINDS);
    const n = organizationNames(r, kind);
    const slug = uniqueSlug(used, n.en);
    const source = sourceOf(world, o);
    const founded = r.chance(0.9)
      ? partialDate(r, LAST_YEAR - Math.min(120, Math.floor(-Math.log(1 - r.next()) * 25)), LAST_YEAR - 1)
      : null;
    if (founded) extra.foundedYears.set(id, Number(founded.on.slice(0, 4)));
    const acronym = r.chance(0.6) && n.acronym.length >= 2 ? n.acronym : null;
    const members = world.members[o]!;
    const countries = new Set<string>();
    for (const j of members) countries.add(world.institutions[j]!.country);
    const intro = r.chance(0.4)
      ? `${n.en}${acronym ? ` (${acronym})` : ""} brings together ${members.length} institutions ` +
        `from ${countries.size} countries and regions working on ${n.topic.toLowerCase()}. ` +
        "Its members meet every year and run joint programmes."
      : null;
    const names: Row[] = [
      [`${id}n0`, id, "en", n.en, acronym, "OFFICIAL", null, null, null, null, source, null],
      [`${id}n1`, id, "zh", n.zh, null, "OFFICIAL", null, null, null, null, source, null],
    ];
    if (n.fr) names.push([`${id}n2`, id, "fr", n.fr, null, "ALTERNATE", null, null, null, null, source, null]);
    if (r.chance(0.12)) {
      // A former name, valid from the founding until a date given at its own precision.
      const fromYear = founded ? Number(founded.on.slice(0, 4)) : 1950;
      const until = partialDate(r, fromYear, LAST_YEAR - 1, { YEAR: 40, MONTH: 30, DAY: 30 });
      names.push([
        `${id}n3`,
        id,
        "en",
        `${n.en.replace(/^\S+/, "Former")} Committee`,
        null,
        "FORMER",
        founded?.on ?? null,
        founded?.precision ?? null,
        until.on,
        until.precision,
        source,
        "Renamed by a decision of its general assembly.",
      ]);
    }
    extra.names.push(...names);
    const founderCount = r.chance(0.3) ? Math.min(members.length, r.int(1, 3)) : 0;
    for (let f = 0; f < founderCount; f++) {
      extra.founders.push([
        `${id}f${f}`,
        id,
        world.institutions[members[f]!]!.id,
        f === 0 ? "FOUNDER" : "INITIATOR",
        f,
        source,
        null,
      ]);
    }
    if (r.chance(0.2)) {
      const asOf = partialDate(r, LAST_YEAR - 8, LAST_YEAR - 1);
      const listed = [...countries].sort().slice(0, r.int(0, Math.min(6, countries.size)));
      extra.counts.push([
        `${id}c`,
        id,
        "MEMBERS",
        r.pick(["EXACTLY", "OVER", "ABOUT", "AT_LEAST"]),
        Math.max(1, Math.round(members.length * (0.8 + r.next()))),
        null,
        countries.size,
        pgArray(listed),
        listed.length === countries.size,
        asOf.on,
        asOf.precision,
        source,
        `It has ${members.length} members.`,
      ]);
    }
    if (r.chance(0.05)) {
      const who = place(r, "en").en;
      extra.people.push([
        `${id}p`,
        id,
        `${who} ${place(r, "en").en}`,
        "President",
        null,
        world.institutions[members[0]!]!.id,
        source,
        null,
      ]);
    }
    const parent = kind === "PROGRAMME" && agreements.length && r.chance(0.3) ? r.pick(agreements) : null;
    if (kind === "AGREEMENT") agreements.push(id);
    yield [
      id,
      slug,
      kind,
      acronym,
      founded?.on ?? null,
      founded?.precision ?? null,
      founded ? source : null,
      null,
      intro,
      intro ? "en" : null,
      intro ? source : null,
      pgArray(r.chance(0.3) ? [n.field, "HIGHER_EDUCATION"].filter((v, i, a) => a.indexOf(v) === i) : [n.field]),
      r.chance(0.8) ? `https://${slug}.example.org/` : null,
      parent,
      pgArray([...countries].sort()),
      members.length,
      buildSearchText([...names.flatMap((row) => [row[3] as string, row[4] as string | null]), acronym, intro]),
      1,
      timestamp(r, 1200),
      timestamp(r, 600),
    ];
  }
}

/** Membership rows, organization by organization: founders first, joined at or after the founding. */
export function* membershipRows(world: World, foundedYears: Map<string, number>): Generator<Row> {
  const r = createRandom(world.seed + 3);
  for (let o = 0; o < world.members.length; o++) {
    const id = `wo${o.toString(36)}`;
    const from = foundedYears.get(id) ?? 1990;
    const members = world.members[o]!;
    for (let k = 0; k < members.length; k++) {
      const status = r.weighted([
        ["ACTIVE", 90],
        ["WITHDRAWN", 5],
        ["OBSERVER", 3],
        ["SUSPENDED", 2],
      ] as const);
      // A withdrawal ends in a later year than the joining, so no precision can put it before.
      const joined = r.chance(0.85) ? partialDate(r, from, status === "WITHDRAWN" ? LAST_YEAR - 1 : LAST_YEAR) : null;
      const ended =
        status === "WITHDRAWN" ? partialDate(r, (joined ? Number(joined.on.slice(0, 4)) : from) + 1, LAST_YEAR) : null;
      const role =
        k < 3 && r.chance(0.5)
          ? "FOUNDING_MEMBER"
          : k === 3 && r.chance(0.2)
            ? "PRESIDENT"
            : r.chance(0.03)
              ? "PARTNER"
              : "MEMBER";
      yield [
        `wm${o.toString(36)}_${k.toString(36)}`,
        world.institutions[members[k]!]!.id,
        id,
        role,
        joined?.on ?? null,
        joined?.precision ?? null,
        ended?.on ?? null,
        ended?.precision ?? null,
        status,
        r.chance(0.02) ? "Membership through its medical school." : null,
        sourceOf(world, o),
        r.chance(0.1) ? "Listed among the members." : null,
        1,
        timestamp(r, 900),
        timestamp(r, 500),
      ];
    }
  }
}
