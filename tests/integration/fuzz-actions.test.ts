// Every exported server action, fuzzed: generated submissions from every kind of actor with wrong
// types, huge strings, control characters, invalid dates, unknown ids, other institutions' ids, SQL and XSS
// payloads — mixed into otherwise plausible input so they reach deep into the data layer. Properties:
//   - nothing escapes runDefinition, and no submission ends in the generic "went wrong on our side" answer
//     (an untyped exception: over HTTP, a 5xx);
//   - a refused submission has a message (and, when the schema refused it, a message per field) in the form's
//     language, never in zod's own wording ("Invalid input: expected string…"), and leaves
//     the whole database as it was (a checksum of every row of every table);
//   - staff never change the other institution's rows, whatever ids they send.
import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useFuzzDatabase } from "../support/db";
import { fieldsOf, junk, type Pools, plausible, tainted } from "../support/fuzz";
import { secretariatUser } from "../support/secretariats";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

useFuzzDatabase();

const SEED = 20261123;
/** Zod's own wording: a refusal shows people messages written for them (lib/validation/issue-messages.ts). */
const ZOD_WORDING = /Invalid input|expected|received|Too big|Too small/;
const unexpected = [en.validation.unexpected, zh.validation.unexpected];
const prisma = testPrisma();
const { actions, runDefinition, formToObject } = await loadActions();
const names = Object.keys(actions);
// About 40 submissions an action (at least the 1,500 there were for 47 actions): the even-share check below needs
// enough of each, and a share shrinks as actions are added.
const RUNS = Math.max(1500, 40 * names.length);
// secretariatX: a manager of UASR's secretariat (issue 16), whose own domain verifies its sign-ups.
type ActorKey = "anonymous" | "staffNmu" | "staffCuhk" | "secretariatX" | "admin";
const actorKeys: ActorKey[] = ["anonymous", "staffNmu", "staffCuhk", "secretariatX", "admin"];
let actors: Record<ActorKey, Actor | null>;
let pools: Pools;
let tables: string[] = [];
const institution = { nmu: "", cuhk: "" };
/** An organization whose side only its own secretariat (not UASR's) may state. */
let uabr = "";

const digest = (from: string) =>
  `count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${from}`;

/**
 * One query: the rows written so far in each table (so "nothing changed" covers the whole database: see
 * countWrites), and a checksum per university over the rows only its own staff or an admin may change (keys "nmu",
 * "cuhk").
 */
async function fingerprint(): Promise<Record<string, string>> {
  const parts = ["SELECT t, n::text AS h FROM fuzz_writes"];
  for (const [key, id] of Object.entries(institution)) {
    const own = `'${id}'`;
    parts.push(
      `SELECT '${key}' AS t, ${digest(`(
        SELECT i::text FROM "Institution" i WHERE i.id = ${own}
        UNION ALL SELECT n::text FROM "InstitutionName" n WHERE n."institutionId" = ${own}
        UNION ALL SELECT m::text FROM "Membership" m WHERE m."institutionId" = ${own}
        UNION ALL SELECT r::text FROM "ChangeRequest" r WHERE r."institutionId" = ${own}
        UNION ALL SELECT c::text FROM "ChangeComment" c JOIN "ChangeRequest" r ON r.id = c."changeRequestId"
          WHERE r."institutionId" = ${own}
        UNION ALL SELECT u::text FROM "User" u WHERE u."institutionId" = ${own}
        UNION ALL SELECT k::text FROM "Correction" k WHERE k."institutionId" = ${own}
        UNION ALL SELECT w::text FROM "Webhook" w JOIN "User" u ON u.id = w."ownerId" WHERE u."institutionId" = ${own}
      ) x`)}`,
    );
  }
  const other = `'${uabr}'`;
  parts.push(
    `SELECT 'uabr' AS t, ${digest(`(
      SELECT m::text FROM "Membership" m WHERE m."organizationId" = ${other}
      UNION ALL SELECT r::text FROM "ChangeRequest" r WHERE r."organizationId" = ${other} AND r.side = 'ORGANIZATION'
    ) x`)}`,
  );
  const rows = await prisma.$queryRawUnsafe<{ t: string; h: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]);

/**
 * Every row written to any table, counted by a row trigger in this database (the fuzz test's own copy) as it
 * happens: a refused submission must leave every count as it was. Hashing every row of every table after each
 * submission did the same, but read the whole directory (tens of thousands of rows) two thousand times: most of the
 * test's time. An UPDATE that changes nothing in the row is not a write; a rolled-back one is not counted.
 */
async function countWrites(names: string[]) {
  await prisma.$executeRawUnsafe(`CREATE TABLE fuzz_writes (t text PRIMARY KEY, n bigint NOT NULL)`);
  await prisma.$executeRawUnsafe(`CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN RETURN NULL; END IF;
      INSERT INTO fuzz_writes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (t) DO UPDATE SET n = fuzz_writes.n + 1;
      RETURN NULL;
    END $$`);
  for (const t of names)
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${t}"
       FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`,
    );
}

beforeAll(async () => {
  tables = (
    await prisma.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).map((r) => r.table_name);
  await countWrites(tables);
  institution.nmu = (await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } })).id;
  institution.cuhk = (
    await prisma.institution.findUniqueOrThrow({ where: { slug: "chinese-university-of-hong-kong" } })
  ).id;
  uabr = (await prisma.organization.findUniqueOrThrow({ where: { slug: "university-alliance-of-belt-and-road" } })).id;
  const load = (email: string) => loadActor(prisma, email);
  actors = {
    anonymous: null,
    staffNmu: await load("staff@njmu.test"),
    staffCuhk: await load("staff@cuhk.test"),
    secretariatX: await load(
      (
        await secretariatUser(prisma, {
          email: "secretariat@uasr.test",
          organizationSlug: "university-alliance-of-the-silk-road",
        })
      ).email,
    ),
    admin: await load("admin@atlas.test"),
  };
  await prisma.organization.update({
    where: { slug: "university-alliance-of-the-silk-road" },
    data: { emailDomains: ["uasr.test"] },
  });

  // Pending requests of both universities, so approve/reject/withdraw/comment meet real targets.
  for (const institutionId of Object.values(institution)) {
    const proposer = await prisma.user.findFirstOrThrow({ where: { institutionId } });
    for (const m of await prisma.membership.findMany({ where: { institutionId }, orderBy: { id: "asc" }, take: 3 })) {
      await prisma.changeRequest.create({
        data: {
          kind: "MEMBERSHIP_UPDATE",
          institutionId,
          organizationId: m.organizationId,
          membershipId: m.id,
          baseVersion: m.version,
          before: {},
          proposed: {
            role: m.role,
            status: m.status,
            joined: null,
            ended: null,
            notes: "fuzz",
            sourceUrl: null,
            sourceTitle: "t",
            sourceQuote: null,
          },
          proposedById: proposer.id,
        },
      });
    }
  }
  // An open suggested correction of each university, so closing one and answering one meet real targets.
  for (const institutionId of Object.values(institution))
    await prisma.correction.create({
      data: {
        institutionId,
        what: "Fuzz: a suggested correction",
        sourceUrl: "https://example.org/fuzz",
        statusTokenHash: randomBytes(32).toString("hex"),
      },
    });
  const token = randomBytes(32).toString("base64url");
  await prisma.userToken.create({
    data: {
      userId: actors.staffNmu!.id,
      purpose: "PASSWORD_RESET",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  // An address confirmation link of a CUHK staff member at CUHK's domain: used once, by whoever holds it.
  const reverify = randomBytes(32).toString("base64url");
  const cuhkStaff = await prisma.user.create({
    data: {
      email: "fuzz-reverify@cuhk.edu.hk",
      name: "Fuzz Reverify",
      role: "STAFF",
      staffRole: "EDITOR",
      institutionId: institution.cuhk,
      passwordHash: "x",
    },
  });
  await prisma.userToken.create({
    data: {
      userId: cuhkStaff.id,
      purpose: "REVERIFY",
      tokenHash: createHash("sha256").update(reverify).digest("hex"),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  // A secretariat's sign-up at UASR's own domain, waiting: approving and rejecting it meet a real claim of that side.
  await prisma.user.create({
    data: {
      email: "fuzz-claim@uasr.test",
      name: "Fuzz Secretariat Claim",
      role: "STAFF",
      organizationId: actors.secretariatX!.organizationId,
      passwordHash: "x",
    },
  });
  // A member-list draft of UASR naming NMU, so reviewing one meets a real target.
  const uasr = await prisma.organization.findUniqueOrThrow({ where: { slug: "university-alliance-of-the-silk-road" } });
  await prisma.memberListDraft.create({
    data: {
      organizationId: uasr.id,
      createdById: actors.secretariatX!.id,
      sourceUrl: "https://example.org/fuzz-members",
      rows: [
        {
          line: 1,
          text: "Nanjing Medical University",
          name: "Nanjing Medical University",
          country: null,
          countryCodes: [],
          joined: null,
          role: null,
          website: null,
          status: "MATCHED",
          candidates: [
            { id: institution.nmu, slug: "nanjing-medical-university", country: "CN", matchedName: "x", score: 1 },
          ],
          choice: { pick: "none" },
        },
      ],
    },
  });
  // A webhook of each university's manager, so rotating, disabling and deleting one meet real targets.
  const webhooks = await Promise.all(
    [actors.staffNmu!, actors.staffCuhk!].map((owner) =>
      prisma.webhook.create({
        data: {
          ownerId: owner.id,
          url: "https://93.184.215.14/fuzz",
          organizationIds: [],
          institutionIds: [],
          secretEncrypted: "v1.placeholder",
          cursor: 0n,
        },
        select: { id: true },
      }),
    ),
  );
  // A watcher of each university with a confirmed watch and both kinds of mailed link (its page, a confirmation), so
  // the subscriber's page's actions and the confirmation meet real tokens and watches.
  const watchTokens: string[] = [];
  const watchIds: string[] = [];
  for (const institutionId of Object.values(institution)) {
    const watcher = await prisma.watcher.create({ data: { email: `fuzz-watcher-${institutionId}@example.org` } });
    const watch = await prisma.watch.create({
      data: { watcherId: watcher.id, institutionId, requestedFrequency: "DAILY", requestedLocale: "en" },
    });
    const [page, confirm] = [randomBytes(32).toString("base64url"), randomBytes(32).toString("base64url")];
    const expiresAt = new Date(Date.now() + 86_400_000);
    await prisma.watchToken.createMany({
      data: [
        { hash: createHash("sha256").update(page).digest("hex"), watcherId: watcher.id, expiresAt },
        {
          hash: createHash("sha256").update(confirm).digest("hex"),
          watcherId: watcher.id,
          watchId: watch.id,
          expiresAt,
        },
      ],
    });
    watchTokens.push(page, confirm);
    watchIds.push(watch.id);
  }
  const [memberships, requests, users, organizations, institutions, corrections, drafts] = await Promise.all([
    prisma.membership.findMany({ select: { id: true, version: true }, take: 40, orderBy: { id: "asc" } }),
    prisma.changeRequest.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    prisma.user.findMany({ select: { id: true, email: true } }),
    prisma.organization.findMany({ select: { slug: true }, take: 30, orderBy: { slug: "asc" } }),
    prisma.institution.findMany({ select: { slug: true }, take: 30, orderBy: { slug: "asc" } }),
    prisma.correction.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    prisma.memberListDraft.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  pools = {
    ids: {
      membershipId: memberships.map((m) => m.id),
      changeRequestId: requests.map((r) => r.id),
      userId: users.map((u) => u.id),
      correctionId: corrections.map((c) => c.id),
      draftId: drafts.map((d) => d.id),
      webhookId: webhooks.map((w) => w.id),
      watchId: watchIds,
    },
    otherIds: [
      ...memberships.map((m) => m.id),
      ...requests.map((r) => r.id),
      ...users.map((u) => u.id),
      institution.nmu,
      institution.cuhk,
    ],
    slugs: [...organizations.map((o) => o.slug), ...institutions.map((i) => i.slug)],
    emails: users.map((u) => u.email),
    versions: [...new Set(memberships.map((m) => String(m.version)))],
    tokens: [token, reverify, ...watchTokens],
  };
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("fuzzing every server action", () => {
  it(`${RUNS} generated submissions across all ${names.length} actions and ${actorKeys.length} actors: no 5xx, \
clear refusals, refused input changes nothing`, async () => {
    // The write counts see writes: the setup's six pending requests and two corrections were counted.
    const counted = await fingerprint();
    expect(Number(counted.ChangeRequest)).toBeGreaterThanOrEqual(6);
    expect(Number(counted.Correction)).toBeGreaterThanOrEqual(2);
    const stats = {
      total: 0,
      accepted: 0,
      refused: 0,
      byAction: Object.fromEntries(names.map((n) => [n, 0])) as Record<string, number>,
    };
    const consoleErrors: string[] = [];
    let last: Record<string, string> | undefined;
    const spy = vi
      .spyOn(console, "error")
      .mockImplementation((...args: unknown[]) => void consoleErrors.push(args.map(String).join(" ").slice(0, 500)));
    // Mail goes to the console when no SMTP server is configured: keep the output readable.
    const quiet = vi.spyOn(console, "log").mockImplementation(() => {});

    const submission = fc
      .record({
        name: fc.constantFrom(...names),
        actor: fc.constantFrom(...actorKeys),
        viaForm: fc.boolean(),
        locale: fc.constantFrom("en" as const, "zh" as const),
        seed: fc.integer(),
      })
      .chain(({ name, actor, viaForm, locale }) =>
        fc.record({
          name: fc.constant(name),
          actor: fc.constant(actor),
          viaForm: fc.constant(viaForm),
          locale: fc.constant(locale),
          // Each field: plausible (often a real id of either university) or junk; a few extra unknown fields.
          fields: fc.tuple(
            ...fieldsOf(actions[name]!.schema).map((field) =>
              fc.tuple(
                fc.constant(field.path),
                fc.oneof(
                  { weight: 6, arbitrary: plausible(field, pools) },
                  { weight: 1, arbitrary: junk },
                  { weight: 1, arbitrary: tainted(field, pools) },
                ),
              ),
            ),
          ),
          extra: fc.array(
            fc.tuple(
              fc.constantFrom(
                "__proto__.polluted",
                "constructor.prototype.x",
                "values.__proto__",
                "$ACTION_ID_x",
                "a.b.c.d.e.f",
                "id",
                "institutionId",
                "role",
              ),
              junk,
            ),
            { maxLength: 2 },
          ),
        }),
      );

    await fc.assert(
      fc.asyncProperty(submission, async ({ name, actor, viaForm, locale, fields, extra }) => {
        let raw: unknown;
        if (viaForm) {
          // As a browser sends it: every value a string, keys flattened with dots (lib/actions/action.ts).
          const form = new FormData();
          for (const [path, value] of [...fields, ...extra])
            form.append(path, typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
          raw = formToObject(form);
        } else {
          raw = {};
          for (const [path, value] of fields) setPath(raw as Record<string, unknown>, path, value);
        }
        const staff = actor === "staffNmu" || actor === "staffCuhk";
        const other = actor === "staffNmu" ? "cuhk" : "nmu";
        // Nothing else writes to this database: the previous run's "after" is this run's "before".
        last ??= await fingerprint();
        const before = last;
        const errorsBefore = consoleErrors.length;
        const schemaOk = actions[name]!.schema.safeParse(raw).success;

        const { state } = await runDefinition(actions[name]!, actors[actor], raw, locale);

        stats.total += 1;
        stats.byAction[name] = (stats.byAction[name] ?? 0) + 1;
        const label = `${name} as ${actor} in ${locale} with ${JSON.stringify(raw).slice(0, 300)}`;
        expect(consoleErrors.slice(errorsBefore), `untyped exception (a 5xx over HTTP): ${label}`).toEqual([]);
        expect(state.message, label).toBeTruthy();
        expect(unexpected, label).not.toContain(state.message);
        if (!state.ok) expect(state.message, label).not.toMatch(ZOD_WORDING);
        if (!schemaOk) {
          expect(state.ok, label).toBe(false);
          expect(Object.keys(state.fieldErrors).length, label).toBeGreaterThan(0);
        }
        for (const messages of Object.values(state.fieldErrors))
          for (const m of messages) {
            expect(m.trim().length, label).toBeGreaterThan(0);
            expect(m, label).not.toMatch(ZOD_WORDING);
          }
        last = await fingerprint();
        const after = last;
        if (state.ok) {
          stats.accepted += 1;
        } else {
          stats.refused += 1;
          expect(changedTables(before, after), `a refused submission changed rows: ${label}`).toEqual([]);
        }
        // A password link is the credential, whoever holds it (the matrix's setPassword row): a staff member of one
        // university who holds the other's reset link acts for that link's owner, as anyone holding it would. And
        // anyone, staff included, may suggest a correction of the other university's page.
        if (staff && name !== "setPassword" && name !== "submitCorrection")
          expect(after[other], `staff changed the other institution: ${label}`).toBe(before[other]);
        // A secretariat states its own organization's side only, whatever ids it sends.
        if (actor === "secretariatX" && name !== "setPassword")
          expect(after.uabr, `a secretariat changed another organization's side: ${label}`).toBe(before.uabr);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    spy.mockRestore();
    quiet.mockRestore();

    console.log(
      `fuzz: ${stats.total} submissions (${stats.accepted} accepted, ${stats.refused} refused) ` +
        `over ${names.length} actions: ${JSON.stringify(stats.byAction)}`,
    );
    expect(stats.total).toBeGreaterThanOrEqual(RUNS);
    // Each action gets at least 60% of an even share of the runs (the generator picks actions at random).
    const share = Math.floor((RUNS / names.length) * 0.6);
    for (const name of names) expect(stats.byAction[name], name).toBeGreaterThanOrEqual(share);
    expect(stats.refused).toBeGreaterThan(stats.total / 3);
  }, 600_000);
});

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}
