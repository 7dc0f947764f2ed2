// Builds the labelled affiliation set that measures GET /api/v1/match (npm run bench, tests/integration/match.test.ts):
// affiliations as papers and forms write them, made from the institutions of the seeded database (the registry's
// own and the directory of world universities) with the noise real ones carry (departments, postcodes, places,
// abbreviations, a missing "The", lower case, a one-letter typo, parts in another order), each labelled with the
// institution's slug; and affiliations naming no university (companies, hospitals, agencies, addresses) labelled
// "none". Deterministic: the same database and seed give the same file.
//
//   DATABASE_URL=<seeded database> npx tsx scripts/match-set.ts [--seed 17] [--count 340] [--out FILE]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { countryName } from "../lib/shared/countries";
import { foldAffiliation } from "../lib/shared/affiliation-text";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const seed = Number(option("--seed", "17"));
const count = Number(option("--count", "340"));
const root = path.join(import.meta.dirname, "..");
const out = option("--out", path.join(root, "tests", "fixtures", "affiliations.json"));

/** mulberry32: a small seeded generator, so the set is the same on every machine. */
function generator(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const chance = (p: number) => random() < p;

const DEPARTMENTS = [
  "Dept. of Surgery",
  "Department of Physics",
  "School of Medicine",
  "Faculty of Law",
  "Department of Computer Science",
  "Key Laboratory of Environmental Medicine",
  "Division of Cardiology",
  "School of Public Health",
  "Department of Chemistry",
  "Faculty of Engineering",
  "Graduate School of Education",
  "Department of Economics",
];

const ABBREVIATE: [RegExp, string][] = [
  [/\bUniversity\b/, "Univ."],
  [/\bMedical\b/, "Med."],
  [/\bInstitute\b/, "Inst."],
  [/\bSciences?\b/, "Sci."],
  [/\bTechnology\b/, "Tech."],
  [/\bCollege\b/, "Coll."],
  [/\bNational\b/, "Natl."],
  [/\bInternational\b/, "Intl."],
  [/\bAcademy\b/, "Acad."],
  [/\bAgricultural\b/, "Agric."],
];

/** One letter changed, dropped or swapped with the next, inside a word of five letters or more. */
function typo(name: string): string {
  const words = name.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{5,}$/u.test(w));
  if (!long.length) return name;
  const [word, at] = pick(long);
  const i = 1 + Math.floor(random() * (word.length - 2));
  const letters = [...word];
  const kind = pick(["change", "drop", "swap"] as const);
  if (kind === "change") letters[i] = pick([..."aeiounrst"].filter((c) => c !== letters[i]));
  else if (kind === "drop") letters.splice(i, 1);
  else [letters[i], letters[i + 1]] = [letters[i + 1]!, letters[i]!];
  words[at] = letters.join("");
  return words.join(" ");
}

type Institution = { slug: string; name: string; country: string; city: string | null; directoryId: string | null };

/** The directory's state or province of each entry, by its first domain (the directoryId). */
function provinces(): Map<string, string> {
  const file = path.join(root, "prisma", "seed-data", "world-universities", "world_universities_and_domains.json");
  const list = JSON.parse(readFileSync(file, "utf8")) as { domains: string[]; "state-province": string | null }[];
  return new Map(
    list.flatMap((e) => (e["state-province"] && e.domains[0] ? [[e.domains[0], e["state-province"]]] : [])),
  );
}

function noisy(inst: Institution, place: string | null, shared: boolean): { affiliation: string; noise: string[] } {
  const noise: string[] = [];
  let name = inst.name;
  if (/^The /.test(name) && chance(0.6)) {
    name = name.slice(4);
    noise.push("no-the");
  }
  const abbreviations = ABBREVIATE.filter(([re]) => re.test(name));
  if (abbreviations.length && chance(0.45)) {
    for (const [re, short] of abbreviations) if (chance(0.7)) name = name.replace(re, short);
    noise.push("abbreviations");
  }
  if (chance(0.2)) {
    const typed = typo(name);
    if (typed !== name) noise.push("typo");
    name = typed;
  }
  const parts = [name];
  if (chance(0.55)) {
    parts.unshift(pick(DEPARTMENTS));
    noise.push("department");
  }
  if (place && chance(0.6)) {
    parts.push(chance(0.5) ? `${place} ${100000 + Math.floor(random() * 899999)}` : place);
    noise.push("place");
  }
  // Names several institutions share are told apart only by the country, as real affiliations do.
  if (shared || chance(0.7)) {
    parts.push(countryName(inst.country, "en"));
    noise.push("country");
  }
  if (parts.length > 2 && chance(0.2)) {
    parts.reverse();
    noise.push("reordered");
  }
  let affiliation = parts.join(", ");
  if (chance(0.2)) {
    affiliation = affiliation.toLowerCase();
    noise.push("lower-case");
  }
  return { affiliation, noise };
}

const NON_UNIVERSITIES = [
  "Pfizer Inc.",
  "Novartis Pharma AG",
  "Siemens Healthineers",
  "Huawei Technologies Co., Ltd.",
  "Google Research",
  "Microsoft Corporation",
  "IBM Thomas J. Watson Research Center",
  "Roche Diagnostics GmbH",
  "Samsung Electronics",
  "Tencent AI Lab",
  "Bayer AG",
  "General Electric Company",
  "Massachusetts General Hospital",
  "Mayo Clinic",
  "Cleveland Clinic Foundation",
  "Jiangsu Province Hospital of Chinese Medicine",
  "Nanjing First Hospital",
  "St. Mary's Hospital",
  "Children's Hospital of Philadelphia",
  "Centers for Disease Control and Prevention",
  "World Health Organization",
  "European Space Agency",
  "National Institutes of Health",
  "Ministry of Health",
  "Bureau of Statistics",
  "City Council",
  "Private practice",
  "Independent researcher",
  "Shanghai Municipal Center for Disease Control",
  "Deutsche Bank AG",
];
const STREETS = ["Main Street", "Station Road", "Zhongshan Road", "Rue de la Paix", "Hauptstrasse", "Market Square"];
const CITIES: [string, string][] = [
  ["Boston, MA", "USA"],
  ["New York, NY", "USA"],
  ["Basel", "Switzerland"],
  ["Nanjing", "China"],
  ["Shanghai", "China"],
  ["Berlin", "Germany"],
  ["Paris", "France"],
  ["London", "UK"],
  ["Geneva", "Switzerland"],
  ["Seoul", "South Korea"],
];

function noneAffiliation(): string {
  const [city, country] = pick(CITIES);
  const parts = [pick(NON_UNIVERSITIES)];
  if (chance(0.4)) parts.push(`${1 + Math.floor(random() * 300)} ${pick(STREETS)}`);
  parts.push(chance(0.5) ? `${city} ${10000 + Math.floor(random() * 89999)}` : city, country);
  const text = parts.join(", ");
  return chance(0.2) ? text.toLowerCase() : text;
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const rows = (
  await client.query<Institution>(
    `SELECT i.slug, i."sortNameEn" AS name, i.country::text AS country, i.city, i."directoryId"
     FROM "Institution" i ORDER BY i.slug`,
  )
).rows;
// Names two institutions share: told apart by the country when they are in different ones (the affiliation then
// always names it), left out of the set when they are in the same one (the text cannot tell them apart).
const sharedNames = (
  await client.query<{ f: string; apart: boolean }>(
    `SELECT atlas_fold(n.name) AS f, count(DISTINCT n."institutionId") = count(DISTINCT i.country) AS apart
     FROM "InstitutionName" n JOIN "Institution" i ON i.id = n."institutionId"
     GROUP BY 1 HAVING count(DISTINCT n."institutionId") > 1`,
  )
).rows;
const knownNames = new Set(
  (await client.query<{ f: string }>(`SELECT DISTINCT atlas_fold(name) AS f FROM "InstitutionName"`)).rows.map(
    (r) => r.f,
  ),
);
await client.end();
const clash = new Set(sharedNames.filter((r) => !r.apart).map((r) => r.f));
const shared = new Set(sharedNames.map((r) => r.f));
const place = provinces();

const registry = rows.filter((r) => !r.directoryId || r.city);
const directory = rows.filter((r) => !registry.includes(r) && !clash.has(foldAffiliation(r.name)));
const chosen = new Set<Institution>(registry);
while (chosen.size < count) chosen.add(pick(directory));

const items: { affiliation: string; label: string; noise: string[] }[] = [];
for (const inst of [...chosen].sort((a, b) => a.slug.localeCompare(b.slug))) {
  const where = inst.city ?? (inst.directoryId ? (place.get(inst.directoryId) ?? null) : null);
  const { affiliation, noise } = noisy(inst, where, shared.has(foldAffiliation(inst.name).replace(/^the /, "")));
  items.push({ affiliation, label: inst.slug, noise });
}
let none = 0;
const seen = new Set<string>();
while (none < 60) {
  const text = noneAffiliation();
  // A name the database holds would be a university after all.
  if (seen.has(text) || text.split(", ").some((p) => knownNames.has(foldAffiliation(p)))) continue;
  seen.add(text);
  items.push({ affiliation: text, label: "none", noise: ["no-university"] });
  none++;
}

writeFileSync(
  out,
  `${JSON.stringify(
    {
      description:
        "Labelled affiliations for GET /api/v1/match: label is the institution's slug in the seeded database, or none.",
      madeBy: `npx tsx scripts/match-set.ts --seed ${seed} --count ${count}`,
      seed,
      items,
    },
    null,
    1,
  )}\n`,
);
console.log(`${items.length} affiliations (${items.length - none} labelled, ${none} none) written to ${out}`);
