// A changed fact carries its own source; the old value keeps its old one in the history; "seen" moves only when
// someone says they read the source again (issue 13 §1; schema.prisma, Source / Membership / Institution).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { approveChangeRequest } from "@/lib/data/change-requests/decide";
import { proposeInstitutionUpdate, proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { getPublicHistory } from "@/lib/data/history";
import { confirmMembership } from "@/lib/data/memberships/confirmations";
import { getApiInstitution } from "@/lib/data/open/api";
import { fromStoredDate } from "@/lib/shared/dates";
import { NotFoundError, ValidationError } from "@/lib/shared/errors";
import { membershipUpdateValuesSchema } from "@/lib/validation/memberships";
import zh from "@/messages/zh.json";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
let admin: Actor;
let nmuStaff: Actor;
let cuhkStaff: Actor;

const NMU = "nanjing-medical-university";
const CUHK = "chinese-university-of-hong-kong";
const BRIMEA = "belt-and-road-international-medical-education-alliance";
const SEED_QUOTE = "May 2018, Founding Member";

const hex = () => Math.random().toString(36).slice(2, 8);
const day = (d: Date) => d.toISOString().slice(0, 10);
/** A day the proposer read the source: before today, so it can never be mistaken for the approval day. */
const READ_ON = day(new Date(Date.now() - 6 * 86_400_000));

const nmuMembership = (organization: string) =>
  prisma.membership.findFirstOrThrow({
    where: { institution: { slug: NMU }, organization: { slug: organization } },
    include: { source: true },
  });

const form = (over: Record<string, string>) =>
  membershipUpdateValuesSchema.parse({
    role: "FOUNDING_MEMBER",
    status: "ACTIVE",
    joined: "2018-05",
    ended: "",
    notes: "",
    sourceUrl: "",
    sourceTitle: "",
    sourceQuote: "",
    sourceSeenOn: "",
    ...over,
  });

let brimeaAtStart: Awaited<ReturnType<typeof nmuMembership>>;

beforeAll(async () => {
  [admin, nmuStaff, cuhkStaff] = await Promise.all([
    loadActor(prisma, "admin@atlas.test"),
    loadActor(prisma, "staff@njmu.test"),
    loadActor(prisma, "staff@cuhk.test"),
  ]);
  brimeaAtStart = await nmuMembership(BRIMEA);
  // The case as the issue found it (other files may have edited the entry): "May 2018" on NMU's own page.
  const page = await prisma.source.findUniqueOrThrow({ where: { key: "nmu-international-organizations" } });
  await prisma.membership.update({
    where: { id: brimeaAtStart.id },
    data: {
      role: "FOUNDING_MEMBER",
      status: "ACTIVE",
      joinedOn: new Date("2018-05-01T00:00:00Z"),
      joinedPrecision: "MONTH",
      endedOn: null,
      endedPrecision: null,
      sourceId: page.id,
      quote: SEED_QUOTE,
    },
  });
  await prisma.changeRequest.updateMany({
    where: { institutionId: nmuStaff.institutionId!, status: "PENDING", kind: { not: "INSTITUTION_UPDATE" } },
    data: { status: "WITHDRAWN" },
  });
});

afterAll(async () => {
  // Other files read NMU's BRIMEA entry as the seed states it (the importer's "already listed" rows).
  await prisma.membership.update({
    where: { id: brimeaAtStart.id },
    data: {
      role: brimeaAtStart.role,
      status: brimeaAtStart.status,
      endedOn: brimeaAtStart.endedOn,
      endedPrecision: brimeaAtStart.endedPrecision,
      joinedOn: brimeaAtStart.joinedOn,
      joinedPrecision: brimeaAtStart.joinedPrecision,
      sourceId: brimeaAtStart.sourceId,
      quote: brimeaAtStart.quote,
    },
  });
  await prisma.$disconnect();
});

describe("a changed membership fact and its source", () => {
  it(`BRIMEA: "May 2018" → "May 12, 2018" citing the very source and passage the current date rests on is refused, \
field by field, in the form's language, and nothing is stored`, async () => {
    const m = await nmuMembership(BRIMEA);
    expect(m).toMatchObject({ joinedPrecision: "MONTH", quote: SEED_QUOTE });
    const requests = await prisma.changeRequest.count();
    const same = form({
      joined: "2018-05-12",
      sourceUrl: m.source.url ?? "",
      sourceTitle: m.source.title,
      sourceQuote: SEED_QUOTE,
    });
    const refused = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: same,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).toEqual({
      "values.sourceQuote": [expect.stringMatching(/current value rests on/)],
    });

    // Blank source fields may only keep the source for a change of the notes.
    const blank = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: form({ joined: "2018-05-12" }),
    }).catch((e: unknown) => e);
    expect(Object.keys((blank as ValidationError).fieldErrors).sort()).toEqual([
      "values.sourceQuote",
      "values.sourceUrl",
    ]);

    // Through the form's action on /zh: a translated message beside the quote field.
    const raw = {
      membershipId: m.id,
      baseVersion: String(m.version),
      reason: "",
      values: {
        role: "FOUNDING_MEMBER",
        status: "ACTIVE",
        joined: "May 12, 2018",
        ended: "",
        notes: "",
        sourceUrl: m.source.url ?? "",
        sourceTitle: m.source.title,
        sourceQuote: SEED_QUOTE,
        sourceSeenOn: READ_ON,
      },
    };
    const { state } = await runDefinition(actions.proposeMembershipUpdate!, nmuStaff, raw, "zh");
    expect(state.ok).toBe(false);
    expect(state.fieldErrors["values.sourceQuote"]).toEqual([zh.validation.answers.sameSourceAsNow]);
    expect(await prisma.changeRequest.count()).toBe(requests);
    expect(await nmuMembership(BRIMEA)).toEqual(m);
  });

  it(`with a new source and passage it is approved: the public page shows the new date beside the new quote, the old \
Source row is untouched, its seen date too, and the history keeps the old value with its old source`, async () => {
    const m = await nmuMembership(BRIMEA);
    const oldSource = m.source;
    const request = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: "The alliance's founding ceremony",
      values: form({
        joined: "May 12, 2018",
        sourceUrl: "https://brimea.example.org/founding",
        sourceTitle: "BRIMEA founding ceremony",
        sourceQuote: "On May 12, 2018, Nanjing Medical University became a founding member of BRIMEA.",
        sourceSeenOn: READ_ON,
      }),
    });
    await approveChangeRequest(admin, request.id, null);

    const after = await nmuMembership(BRIMEA);
    expect(after.joinedOn?.toISOString().slice(0, 10)).toBe("2018-05-12");
    expect(after.joinedPrecision).toBe("DAY");
    expect(after.sourceId).not.toBe(oldSource.id);
    expect(after.quote).toMatch(/^On May 12, 2018/);
    // Seen when the proposer read it, never on the day it was approved.
    expect(day(after.source.seenOn)).toBe(READ_ON);
    expect(day(after.source.seenOn)).not.toBe(day(new Date()));
    expect(await prisma.source.findUniqueOrThrow({ where: { id: oldSource.id } })).toEqual(oldSource);

    const page = await getInstitutionBySlug(NMU, "en");
    const row = page!.participations.find((p) => p.organization.slug === BRIMEA)!;
    expect(row.joined).toEqual({ iso: "2018-05-12", precision: "DAY" });
    expect(row.source).toMatchObject({
      url: "https://brimea.example.org/founding",
      quote: "On May 12, 2018, Nanjing Medical University became a founding member of BRIMEA.",
      seenOn: READ_ON,
    });

    const history = await getPublicHistory({ institution: NMU }, "en");
    const entry = history.find((e) => e.action === "membership.update" && e.organization.slug === BRIMEA)!;
    expect(entry.before).toMatchObject({
      joined: { iso: "2018-05", precision: "MONTH" },
      source: { title: oldSource.title, url: oldSource.url, quote: SEED_QUOTE, seenOn: day(oldSource.seenOn) },
    });
    expect(entry.after).toMatchObject({
      joined: { iso: "2018-05-12", precision: "DAY" },
      source: { title: "BRIMEA founding ceremony", seenOn: READ_ON },
    });
  });

  it("a change of the notes alone keeps the source, its passage and its seen date (no new Source row)", async () => {
    const m = await nmuMembership("south-and-southeast-asia-medical-education-and-service-alliance");
    const sources = await prisma.source.count();
    const request = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: form({
        role: m.role,
        status: m.status,
        joined: "",
        notes: "Our delegation attends the annual meeting.",
        sourceSeenOn: READ_ON,
      }),
    });
    await approveChangeRequest(admin, request.id, null);
    const after = await nmuMembership("south-and-southeast-asia-medical-education-and-service-alliance");
    expect(after.notes).toBe("Our delegation attends the annual meeting.");
    expect(after.sourceId).toBe(m.sourceId);
    expect(after.quote).toBe(m.quote);
    expect(after.source).toEqual(m.source);
    expect(await prisma.source.count()).toBe(sources);
  });

  it(`a request sent before sources carried a reading date is still decided: its source is seen on the day it was \
sent, not on the approval day`, async () => {
    const m = await nmuMembership("m9-collaboration-network");
    await prisma.changeRequest.updateMany({
      where: { membershipId: m.id, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const sent = new Date(Date.now() - 40 * 86_400_000);
    const legacy = await prisma.changeRequest.create({
      data: {
        kind: "MEMBERSHIP_UPDATE",
        institutionId: nmuStaff.institutionId!,
        organizationId: m.organizationId,
        membershipId: m.id,
        baseVersion: m.version,
        before: {},
        // The JSON of an older form: no sourceSeenOn. The facts as they are, a new source for them.
        proposed: {
          role: m.role,
          status: m.status,
          joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
          ended: fromStoredDate(m.endedOn, m.endedPrecision),
          notes: m.notes,
          sourceUrl: "https://example.org/m9",
          sourceTitle: "M9 network page",
          sourceQuote: "A founding member of the M9 network",
        },
        proposedById: nmuStaff.id,
        createdAt: sent,
      },
    });
    await approveChangeRequest(admin, legacy.id, null);
    const after = await nmuMembership("m9-collaboration-network");
    expect(after.joinedOn).toEqual(m.joinedOn);
    expect(after.source.key).toBe(`change-${legacy.id}`);
    expect(day(after.source.seenOn)).toBe(day(sent));
  });
});

describe("I read the source again", () => {
  it(`moves the seen date of the entry's source only when said, and never for another institution's \
staff`, async () => {
    const m = await nmuMembership(BRIMEA);
    const seen = m.source.seenOn;
    expect(day(seen)).toBe(READ_ON);

    await expect(confirmMembership(cuhkStaff, m.id, { sourceReadAgain: true })).rejects.toBeInstanceOf(NotFoundError);
    const untouched = await nmuMembership(BRIMEA);
    expect(untouched.source.seenOn).toEqual(seen);
    expect(untouched.confirmedAt).toEqual(m.confirmedAt);

    // "Still accurate" alone confirms the entry and leaves the source's date.
    await confirmMembership(nmuStaff, m.id);
    expect((await nmuMembership(BRIMEA)).source.seenOn).toEqual(seen);

    await confirmMembership(nmuStaff, m.id, { sourceReadAgain: true });
    const reread = await nmuMembership(BRIMEA);
    expect(day(reread.source.seenOn)).toBe(day(new Date()));
    expect(reread.sourceId).toBe(m.sourceId);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: m.id, action: "membership.reread" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ before: { sourceSeenOn: READ_ON }, after: { sourceSeenOn: day(new Date()) } });
  });
});

describe("an institution's profile facts, each with its own source", () => {
  it(`a change of website, ROR and Wikidata is credited to the source it cites, the names keep the seed page's, \
on the public page and in the API; a change that cites nothing is refused`, async () => {
    await prisma.changeRequest.updateMany({
      where: { institution: { slug: CUHK }, kind: "INSTITUTION_UPDATE", status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const before = await prisma.institution.findUniqueOrThrow({
      where: { slug: CUHK },
      include: { names: { where: { kind: "OFFICIAL" } } },
    });
    const suffix = String(Math.floor(Math.random() * 90) + 10);
    const values = {
      nameEn: before.names.find((n) => n.locale === "en")!.name,
      nameZh: before.names.find((n) => n.locale === "zh")?.name ?? null,
      city: before.city,
      website: `https://www.cuhk.edu.hk/${hex()}`,
      rorId: `0abcdef${suffix}`,
      wikidataId: `Q${Math.floor(Math.random() * 9e8) + 1e8}`,
    };
    const uncited = await proposeInstitutionUpdate(cuhkStaff, {
      baseVersion: before.version,
      reason: null,
      values,
      source: { sourceUrl: null, sourceTitle: null, sourceQuote: null, sourceSeenOn: null },
    }).catch((e: unknown) => e);
    expect(Object.keys((uncited as ValidationError).fieldErrors).sort()).toEqual([
      "source.sourceQuote",
      "source.sourceUrl",
    ]);

    const r = await proposeInstitutionUpdate(cuhkStaff, {
      baseVersion: before.version,
      reason: null,
      values,
      source: {
        sourceUrl: "https://www.cuhk.edu.hk/english/about",
        sourceTitle: "About CUHK",
        sourceQuote: "Identifiers of The Chinese University of Hong Kong",
        sourceSeenOn: { iso: READ_ON, precision: "DAY" },
      },
    });
    await approveChangeRequest(admin, r.id, null);

    const after = await prisma.institution.findUniqueOrThrow({
      where: { slug: CUHK },
      include: { names: { where: { kind: "OFFICIAL" } }, websiteSource: true },
    });
    expect(after.websiteSource).toMatchObject({ url: "https://www.cuhk.edu.hk/english/about", key: `change-${r.id}` });
    expect(day(after.websiteSource!.seenOn)).toBe(READ_ON);
    expect(after.rorSourceId).toBe(after.websiteSourceId);
    expect(after.wikidataSourceId).toBe(after.websiteSourceId);
    expect(after.websiteQuote).toBe("Identifiers of The Chinese University of Hong Kong");
    // Unchanged: the names (the very rows) and the city keep what they rested on.
    expect(after.names.map((n) => [n.id, n.sourceId])).toEqual(before.names.map((n) => [n.id, n.sourceId]));
    expect(after.citySourceId).toBe(before.citySourceId);
    expect(after.names.find((n) => n.locale === "en")!.sourceId).toBe(before.sourceId);

    const page = (await getInstitutionBySlug(CUHK, "en"))!;
    expect(page.factSources.website).toMatchObject({ url: "https://www.cuhk.edu.hk/english/about", seenOn: READ_ON });
    expect(page.factSources.rorId?.quote).toBe("Identifiers of The Chinese University of Hong Kong");
    expect(page.factSources.name?.key).toBe(page.source?.key);
    const api = await getApiInstitution(CUHK);
    expect(api.sources.wikidataId?.url).toBe("https://www.cuhk.edu.hk/english/about");
    expect(api.sources.name?.title).toBe(page.source?.title);
  });
});

describe("the migration's back-fill", () => {
  it(`stamps past approvals' sources with the day they were proposed and credits each profile fact: to the approved \
change that set it, else to the record's own source`, async () => {
    const { readFileSync } = await import("node:fs");
    const sql = readFileSync("prisma/migrations/20261129190000_fact_sources/migration.sql", "utf8");
    const data = sql.slice(sql.indexOf("-- Data:"));
    const statements = data
      .split(/;\s*\n/)
      .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
      .filter(Boolean);
    const rolledBack = new Error("rolled back");
    const outcome = await prisma
      .$transaction(
        async (tx) => {
          const seedSource = await tx.source.findFirstOrThrow({ where: { key: { not: { startsWith: "change-" } } } });
          const x = await tx.institution.create({
            data: {
              slug: `backfill-${hex()}`,
              kind: "UNIVERSITY",
              country: "CN",
              city: "Oldtown",
              website: "https://backfill.example.org",
              sourceId: seedSource.id,
              names: { create: [{ locale: "en", name: "Backfill University", kind: "OFFICIAL" }] },
            },
          });
          const profileChange = await tx.changeRequest.create({
            data: {
              kind: "INSTITUTION_UPDATE",
              status: "APPROVED",
              institutionId: x.id,
              baseVersion: 1,
              before: { nameEn: "Backfill College", city: "Oldtown", website: null },
              proposed: { nameEn: "Backfill University", city: "Oldtown", website: "https://backfill.example.org" },
              proposedById: nmuStaff.id,
              createdAt: new Date("2026-10-01T09:00:00Z"),
            },
          });
          const membershipChange = await tx.changeRequest.create({
            data: {
              kind: "MEMBERSHIP_UPDATE",
              status: "APPROVED",
              institutionId: nmuStaff.institutionId!,
              proposed: {},
              proposedById: nmuStaff.id,
              createdAt: new Date("2026-09-15T22:00:00Z"),
            },
          });
          await tx.source.create({
            data: {
              key: `change-${membershipChange.id}`,
              title: "Cited",
              seenOn: new Date(`${day(new Date())}T00:00:00Z`),
            },
          });
          for (const statement of statements) await tx.$executeRawUnsafe(statement);
          const result = {
            membershipSource: await tx.source.findUniqueOrThrow({ where: { key: `change-${membershipChange.id}` } }),
            x: await tx.institution.findUniqueOrThrow({
              where: { id: x.id },
              include: { websiteSource: true, names: true },
            }),
            profileSource: await tx.source.findUniqueOrThrow({ where: { key: `change-${profileChange.id}` } }),
            seedSource,
          };
          throw Object.assign(rolledBack, { result });
        },
        // The backfill rewrites every institution (the seed's 10,000 directory entries among them): past Prisma's
        // default 5 s once in a CI run beside the browser phases.
        { timeout: 60_000 },
      )
      .catch((e: unknown) => {
        if (e !== rolledBack) throw e;
        return (e as typeof rolledBack & { result: unknown }).result as never;
      });
    const { membershipSource, x, profileSource, seedSource } = outcome as {
      membershipSource: { seenOn: Date };
      x: {
        citySourceId: string | null;
        websiteSourceId: string | null;
        rorSourceId: string | null;
        names: { sourceId: string | null }[];
      };
      profileSource: { id: string; seenOn: Date; title: string };
      seedSource: { id: string };
    };
    expect(day(membershipSource.seenOn)).toBe("2026-09-15");
    expect(x.websiteSourceId).toBe(profileSource.id);
    expect(day(profileSource.seenOn)).toBe("2026-10-01");
    expect(profileSource.title).toMatch(/staff in a change request/);
    expect(x.names[0]!.sourceId).toBe(profileSource.id);
    expect(x.citySourceId).toBe(seedSource.id);
    expect(x.rorSourceId).toBeNull();
  });
});
