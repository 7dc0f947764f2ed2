/**
 * Loads the facts of the seed pages (prisma/seed-data/*.json) into the database. Idempotent: rows are
 * upserted by slug or key, and each record's names, founders, counts and people are replaced.
 *
 *   tsx prisma/seed.ts              seed (refuses a non-local database unless --allow-remote)
 *   tsx prisma/seed.ts --if-empty   seed only when there are no organizations yet (npm start)
 *
 * Either way the directory of the world's universities (prisma/directory/) is loaded if it is not yet.
 *
 * The demo accounts, whose passwords the README publishes, are created only for a portal that listens on
 * loopback alone (HOST, default 127.0.0.1, as npm start passes it) and never with ATLAS_ENV=production.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type * as Enums from "../lib/generated/prisma/enums";
import { createPrismaClient } from "../lib/data/prisma-client";
import { parsePartialDate, toStoredDate } from "../lib/shared/dates";
import { buildSearchText } from "../lib/shared/search-text";
import { refreshOrganizationDerived } from "../lib/data/organizations/derived";
import { hashPassword } from "../lib/auth/passwords";
import { isLoopbackHost } from "../lib/http/loopback.mjs";
import { DIRECTORY_SOURCE, loadDirectory } from "./directory/load";

/** `institution`: the slug of the institution whose own page this is (its claims about itself). */
type SourceRow = {
  key: string;
  kind: Enums.SourceKind;
  title: string;
  publisher: string | null;
  url: string | null;
  language: string;
  seenOn: string;
  institution?: string;
};
type InstitutionRow = {
  slug: string;
  kind: Enums.InstitutionKind;
  country: string;
  city: string | null;
  website: string | null;
  rorId: string | null;
  wikidataId: string | null;
  names: Record<string, string>;
  alternateNames?: { locale: string; name: string }[];
  source: string;
  zhSource?: string;
};
type Cited = { source: string; quote?: string | null };
type OrganizationRow = {
  slug: string;
  kind: Enums.OrganizationKind;
  acronym: string | null;
  names: ({
    locale: string;
    name: string;
    acronym?: string;
    kind: Enums.NameKind;
    validFrom?: string;
    validUntil?: string;
  } & Cited)[];
  founded: string | null;
  foundedSource: string | null;
  foundedQuote: string | null;
  introduction: { text: string; locale: string; source: string } | null;
  fields: Enums.Field[];
  website: string | null;
  parent: string | null;
  founders: ({ institution: string; role: Enums.FounderRole } & Cited)[];
  declaredCounts: ({
    subject: Enums.CountSubject;
    qualifier: Enums.CountQualifier;
    value: number;
    previousValue: number | null;
    countryCount: number | null;
    countries: string[];
    countriesComplete: boolean;
    asOf: string | null;
    quote: string;
  } & Cited)[];
  people: ({ name: string; role: string; description: string | null; institution: string | null } & Cited)[];
};
type MembershipRow = {
  institution: string;
  organization: string;
  role: Enums.MembershipRole;
  joined: string | null;
  ended: string | null;
  status: Enums.MembershipStatus;
  notes: string | null;
  source: string;
  quote: string | null;
};

export type SeedData = {
  sources: SourceRow[];
  institutions: InstitutionRow[];
  organizations: OrganizationRow[];
  memberships: MembershipRow[];
};

export function readSeedData(dir = path.join(import.meta.dirname, "seed-data")): SeedData {
  const read = <T>(name: string): T => JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as T;
  return {
    sources: read("sources"),
    institutions: read("institutions"),
    organizations: read("organizations"),
    memberships: read("memberships"),
  };
}

function stored(value: string | null | undefined) {
  const parsed = parsePartialDate(value);
  return parsed ? toStoredDate(parsed) : null;
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed data names an unknown ${what}: "${key}"`);
  return value;
}

export async function seedDatabase(prisma: PrismaClient, data: SeedData = readSeedData()) {
  const sourceIds = new Map<string, string>();
  for (const s of data.sources) {
    const fields = {
      kind: s.kind,
      title: s.title,
      publisher: s.publisher,
      url: s.url,
      language: s.language,
      seenOn: new Date(`${s.seenOn}T00:00:00Z`),
    };
    const row = await prisma.source.upsert({
      where: { key: s.key },
      create: { key: s.key, ...fields },
      update: fields,
      select: { id: true },
    });
    sourceIds.set(s.key, row.id);
  }
  const source = (key: string) => lookup(sourceIds, key, "source");

  const institutionIds = new Map<string, string>();
  for (const i of data.institutions) {
    const names = [
      ...Object.entries(i.names).map(([locale, name]) => ({
        locale,
        name,
        kind: "OFFICIAL" as const,
        sourceId: locale === "zh" && i.zhSource ? source(i.zhSource) : source(i.source),
      })),
      ...(i.alternateNames ?? []).map((n) => ({ ...n, kind: "ALTERNATE" as const, sourceId: source(i.source) })),
    ];
    const fields = {
      kind: i.kind,
      country: i.country,
      city: i.city,
      website: i.website,
      rorId: i.rorId,
      wikidataId: i.wikidataId,
      sourceId: source(i.source),
      // The seed's facts all come from the institution's own source (schema.prisma, Institution).
      citySourceId: i.city ? source(i.source) : null,
      websiteSourceId: i.website ? source(i.source) : null,
      rorSourceId: i.rorId ? source(i.source) : null,
      wikidataSourceId: i.wikidataId ? source(i.source) : null,
      searchText: buildSearchText([...names.map((n) => n.name), i.city]),
    };
    const row = await prisma.$transaction(async (tx) => {
      // What the directory added (prisma/directory/load.ts: its website where the seed has none, its name where it
      // differs) is the directory's to keep: a second seed leaves it.
      const { website, websiteSourceId, ...kept } = fields;
      const saved = await tx.institution.upsert({
        where: { slug: i.slug },
        create: { slug: i.slug, ...fields },
        update: website ? fields : kept,
        select: { id: true },
      });
      await tx.institutionName.deleteMany({
        where: { institutionId: saved.id, NOT: { source: { is: { key: DIRECTORY_SOURCE.key } } } },
      });
      await tx.institutionName.createMany({ data: names.map((n) => ({ ...n, institutionId: saved.id })) });
      const all = await tx.institutionName.findMany({ where: { institutionId: saved.id }, select: { name: true } });
      if (all.length > names.length)
        await tx.institution.update({
          where: { id: saved.id },
          data: { searchText: buildSearchText([...names.map((n) => n.name), ...all.map((n) => n.name), i.city]) },
        });
      return saved;
    });
    institutionIds.set(i.slug, row.id);
  }
  const institution = (slug: string) => lookup(institutionIds, slug, "institution");
  for (const s of data.sources) {
    await prisma.source.update({
      where: { key: s.key },
      data: { institutionId: s.institution ? institution(s.institution) : null },
    });
  }

  const organizationIds = new Map<string, string>();
  for (const o of data.organizations) {
    const founded = stored(o.founded);
    const fields = {
      kind: o.kind,
      acronym: o.acronym,
      website: o.website,
      fields: o.fields,
      foundedOn: founded?.date ?? null,
      foundedPrecision: founded?.precision ?? null,
      foundedSourceId: o.foundedSource ? source(o.foundedSource) : null,
      foundedQuote: o.foundedQuote,
      introduction: o.introduction?.text ?? null,
      introductionLocale: o.introduction?.locale ?? null,
      introductionSourceId: o.introduction ? source(o.introduction.source) : null,
      searchText: buildSearchText([...o.names.flatMap((n) => [n.name, n.acronym]), o.acronym, o.introduction?.text]),
    };
    const row = await prisma.$transaction(async (tx) => {
      const saved = await tx.organization.upsert({
        where: { slug: o.slug },
        create: { slug: o.slug, ...fields },
        update: fields,
        select: { id: true },
      });
      const organizationId = saved.id;
      await tx.organizationName.deleteMany({ where: { organizationId } });
      await tx.organizationName.createMany({
        data: o.names.map((n) => {
          const from = stored(n.validFrom);
          const until = stored(n.validUntil);
          return {
            organizationId,
            locale: n.locale,
            name: n.name,
            acronym: n.acronym ?? null,
            kind: n.kind,
            validFrom: from?.date ?? null,
            validFromPrecision: from?.precision ?? null,
            validUntil: until?.date ?? null,
            validUntilPrecision: until?.precision ?? null,
            sourceId: source(n.source),
            quote: n.quote ?? null,
          };
        }),
      });
      await tx.organizationFounder.deleteMany({ where: { organizationId } });
      await tx.organizationFounder.createMany({
        data: o.founders.map((f, position) => ({
          organizationId,
          institutionId: institution(f.institution),
          role: f.role,
          position,
          sourceId: source(f.source),
          quote: f.quote ?? null,
        })),
      });
      await tx.declaredCount.deleteMany({ where: { organizationId } });
      await tx.declaredCount.createMany({
        data: o.declaredCounts.map((c) => {
          const asOf = stored(c.asOf);
          return {
            organizationId,
            subject: c.subject,
            qualifier: c.qualifier,
            value: c.value,
            previousValue: c.previousValue,
            countryCount: c.countryCount,
            countries: c.countries,
            countriesComplete: c.countriesComplete,
            asOf: asOf?.date ?? null,
            asOfPrecision: asOf?.precision ?? null,
            sourceId: source(c.source),
            quote: c.quote,
          };
        }),
      });
      await tx.organizationPerson.deleteMany({ where: { organizationId } });
      await tx.organizationPerson.createMany({
        data: o.people.map((p) => ({
          organizationId,
          name: p.name,
          role: p.role,
          description: p.description,
          institutionId: p.institution ? institution(p.institution) : null,
          sourceId: source(p.source),
          quote: p.quote ?? null,
        })),
      });
      return saved;
    });
    organizationIds.set(o.slug, row.id);
  }
  const organization = (slug: string) => lookup(organizationIds, slug, "organization");
  for (const o of data.organizations) {
    await prisma.organization.update({
      where: { slug: o.slug },
      data: { parentId: o.parent ? organization(o.parent) : null },
    });
  }

  for (const m of data.memberships) {
    const joined = stored(m.joined);
    const ended = stored(m.ended);
    const institutionId = institution(m.institution);
    const organizationId = organization(m.organization);
    const cited = data.sources.find((s) => s.key === m.source);
    const fields = {
      role: m.role,
      status: m.status,
      notes: m.notes,
      sourceId: source(m.source),
      quote: m.quote,
      // The institution's own page stating the entry counts as its confirmation, as of the day it was read.
      confirmedAt: cited?.institution === m.institution ? new Date(`${cited.seenOn}T00:00:00Z`) : null,
      joinedOn: joined?.date ?? null,
      joinedPrecision: joined?.precision ?? null,
      endedOn: ended?.date ?? null,
      endedPrecision: ended?.precision ?? null,
    };
    await prisma.membership.upsert({
      where: { institutionId_organizationId: { institutionId, organizationId } },
      create: { institutionId, organizationId, ...fields },
      update: fields,
    });
  }
  await refreshOrganizationDerived(prisma);
  return {
    sources: sourceIds.size,
    institutions: institutionIds.size,
    organizations: organizationIds.size,
    memberships: data.memberships.length,
  };
}

type DemoUser = { email: string; name: string; role: "ADMIN" | "STAFF"; institution: string | null; password: string };

export function readDemoUsers(dir = path.join(import.meta.dirname, "seed-data")): DemoUser[] {
  return JSON.parse(readFileSync(path.join(dir, "demo-users.json"), "utf8")) as DemoUser[];
}

/**
 * May the demo accounts exist? Only where nobody else can use their published passwords: a portal that
 * listens on loopback alone, outside production. (A start beyond loopback refuses to run while they still
 * have those passwords: scripts/lib/demo-accounts.mjs.)
 */
export function demoAccountsAllowed(environment: Record<string, string | undefined>) {
  return environment.ATLAS_ENV !== "production" && isLoopbackHost(environment.HOST || "127.0.0.1");
}

/** The development accounts listed in the README (see demoAccountsAllowed). */
export async function seedDemoUsers(prisma: PrismaClient, users = readDemoUsers()) {
  for (const u of users) {
    const institution = u.institution
      ? await prisma.institution.findUniqueOrThrow({ where: { slug: u.institution }, select: { id: true } })
      : null;
    const existing = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (existing) continue;
    await prisma.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        staffRole: u.role === "STAFF" ? "MANAGER" : null,
        institutionId: institution?.id ?? null,
        passwordHash: await hashPassword(u.password),
      },
    });
  }
  return users.length;
}

function isLocal(url: string) {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "::1" || host === "[::1]";
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  if (!isLocal(url) && !process.argv.includes("--allow-remote")) {
    throw new Error("Refusing to seed a database that is not on this machine; pass --allow-remote if you mean it.");
  }
  const prisma = createPrismaClient(url, 2);
  try {
    if (!process.argv.includes("--if-empty") || (await prisma.organization.count()) === 0) {
      const counts = await seedDatabase(prisma);
      console.log(
        `Seeded ${counts.organizations} organizations, ${counts.institutions} institutions, ` +
          `${counts.memberships} memberships, ${counts.sources} sources.`,
      );
      if (demoAccountsAllowed(process.env))
        console.log(`Demo accounts: ${await seedDemoUsers(prisma)} (see the README).`);
      else
        console.log(
          "No demo accounts: the portal is for production or listens beyond this machine. " +
            "Create your admin with `npm run admin:create -- --email you@example.org`.",
        );
    }
    // The directory goes into a database seeded before it existed too; a loaded directory costs one query.
    const started = Date.now();
    const directory = await loadDirectory(prisma);
    if (directory.added || directory.matched)
      console.log(
        `Directory of the world's universities: ${directory.added} added, ${directory.matched} matched to the ` +
          `registry's own institutions (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
