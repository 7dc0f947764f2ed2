// Failures around a write's commit. Before it, the write is undone whole and the user is told nothing changed;
// after it, nothing may turn into an error (the change is public, and the user must be told so), and the
// cache tags still come back to be expired. An import is sent whole or not at all.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { proposeMembershipCreate, proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import type { DraftRow } from "@/lib/data/import/drafts";
import { submitImport } from "@/lib/data/import/submit";
import { ValidationError } from "@/lib/shared/errors";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

// "The database went away right after the commit": once a transaction of the data layer has committed, every
// further query through lib/data/db fails, as it would if the connection dropped then.
const faults = vi.hoisted(() => ({ afterCommit: false, down: false }));
vi.mock("@/lib/data/db", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/data/db")>();
  const gone = () => {
    throw new Error("Connection terminated unexpectedly (the test's database went away after the commit)");
  };
  const guard = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value: unknown = Reflect.get(t, prop, receiver);
        if (prop === "$transaction" && typeof value === "function") {
          return async (...args: unknown[]) => {
            if (faults.down) gone();
            const result: unknown = await value.apply(t, args);
            if (faults.afterCommit) faults.down = true;
            return result;
          };
        }
        if (typeof value === "function") return (...args: unknown[]) => (faults.down ? gone() : value.apply(t, args));
        if (
          value &&
          typeof value === "object" &&
          typeof prop === "string" &&
          !prop.startsWith("$") &&
          !prop.startsWith("_")
        )
          return guard(value);
        return value;
      },
    });
  return { ...real, db: () => guard(real.db()) };
});

useWriteDatabase();

const prisma = testPrisma();
let admin: Actor;
let staff: Actor;
let institutionId: string;
const SLUG = "write-failures-university";
const ORGS = [
  "university-alliance-of-belt-and-road",
  "pan-asian-biomedical-science-consortium",
  "m9-collaboration-network",
  "eurasia-pacific-uninet",
] as const;

const values = (over: Record<string, string> = {}) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2020",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/write-failures",
    sourceTitle: "Check",
    sourceQuote: `Our page says so (${Math.random().toString(36).slice(2)})`,
    ...over,
  });
const membership = (organization: string) =>
  prisma.membership.findFirst({ where: { institutionId, organization: { slug: organization } } });
// Loaded in beforeAll, once SMTP_URL names the refusing mail server (lib/env.ts reads the environment once).
let loaded: Awaited<ReturnType<typeof loadActions>>;
const run = (name: string, actor: Actor, raw: Record<string, unknown>) =>
  loaded.runDefinition(loaded.actions[name]!, actor, raw, "en");

async function refuse(table: "OutboxMail" | "ChangeRequest", when = "true") {
  await prisma.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION write_failures_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN IF ${when} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER write_failures_refuse BEFORE INSERT ON "${table}"
     FOR EACH ROW EXECUTE FUNCTION write_failures_refuse()`,
  );
}

/** A membership of the test's institution in `organization`, approved, and a pending correction of it. */
async function pendingCorrection(organization: string) {
  const created = await proposeMembershipCreate(staff, {
    organizationSlug: organization,
    reason: null,
    values: values(),
  });
  expect(
    (await run("decideChangeRequest", admin, { changeRequestId: created.id, decision: "approve", comment: "" })).state
      .ok,
  ).toBe(true);
  const m = (await membership(organization))!;
  const request = await proposeMembershipUpdate(staff, {
    membershipId: m.id,
    baseVersion: m.version,
    reason: null,
    values: values({ notes: "Corrected" }),
  });
  return { m, request };
}

async function decisionTrail(changeRequestId: string) {
  const [request, audits, notifications] = await Promise.all([
    prisma.changeRequest.findUniqueOrThrow({
      where: { id: changeRequestId },
      select: { status: true, decidedAt: true },
    }),
    prisma.auditEvent.count({ where: { changeRequestId } }),
    // The proposer's: the admins were told of the request itself when it was sent.
    prisma.notification.count({ where: { changeRequestId, userId: staff.id } }),
  ]);
  return { ...request, audits, notifications };
}

beforeAll(async () => {
  // A mail server that refuses connections: delivery fails at once, after the decision's commit.
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: p } = server.address() as net.AddressInfo;
      server.close(() => resolve(p));
    });
  });
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  loaded = await loadActions();
  admin = await loadActor(prisma, "admin@atlas.test");
  const institution = await prisma.institution.create({
    data: {
      slug: SLUG,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: [{ locale: "en", name: "Write Failures University", kind: "OFFICIAL" }] },
    },
  });
  institutionId = institution.id;
  await prisma.user.create({
    data: {
      email: "staff@write-failures.test",
      name: "Write Failures Staff",
      role: "STAFF",
      staffRole: "MANAGER",
      institutionId,
    },
  });
  staff = await loadActor(prisma, "staff@write-failures.test");
});
afterEach(async () => {
  faults.afterCommit = false;
  faults.down = false;
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS write_failures_refuse ON "OutboxMail"`);
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS write_failures_refuse ON "ChangeRequest"`);
  vi.restoreAllMocks();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await prisma.$disconnect();
});

describe("a decision whose mail cannot be queued is undone whole", () => {
  it("approval: nothing applied, no audit row, no notification, and the admin is told nothing changed", async () => {
    const { m, request } = await pendingCorrection(ORGS[0]);
    const outbox = await prisma.outboxMail.count();
    vi.spyOn(console, "error").mockImplementation(() => {});
    await refuse("OutboxMail");
    const { state } = await run("decideChangeRequest", admin, {
      changeRequestId: request.id,
      decision: "approve",
      comment: "",
    });
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/nothing was changed/) });
    expect(await decisionTrail(request.id)).toEqual({
      status: "PENDING",
      decidedAt: null,
      audits: 0,
      notifications: 0,
    });
    expect(await membership(ORGS[0])).toMatchObject({ version: m.version, notes: m.notes });
    expect(await prisma.outboxMail.count()).toBe(outbox);
  });

  it("rejection: still pending, no audit row, no notification, and the admin is told nothing changed", async () => {
    const { request } = await pendingCorrection(ORGS[1]);
    vi.spyOn(console, "error").mockImplementation(() => {});
    await refuse("OutboxMail");
    const { state } = await run("decideChangeRequest", admin, {
      changeRequestId: request.id,
      decision: "reject",
      comment: "No source for this.",
    });
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/nothing was changed/) });
    expect(await decisionTrail(request.id)).toEqual({
      status: "PENDING",
      decidedAt: null,
      audits: 0,
      notifications: 0,
    });
  });
});

describe("after the commit, nothing is reported as a failure and the tags come back", () => {
  it(`approval: the database goes away after the commit; the change is public, its tags are returned, \
its mail waits in the outbox`, async () => {
    const { request } = await pendingCorrection(ORGS[2]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    faults.afterCommit = true;
    const { state, result } = await run("decideChangeRequest", admin, {
      changeRequestId: request.id,
      decision: "approve",
      comment: "",
    });
    expect(state).toEqual({ ok: true, message: "Approved: the change is public.", fieldErrors: {} });
    expect(result?.tags).toEqual(
      expect.arrayContaining([
        `institution:${SLUG}`,
        `organization:${ORGS[2]}`,
        "organizations",
        "institutions",
        "pages",
      ]),
    );
    expect(await decisionTrail(request.id)).toMatchObject({ status: "APPROVED", audits: 1, notifications: 1 });
    expect((await membership(ORGS[2]))?.notes).toBe("Corrected");
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { text: { contains: request.id } } });
    expect(mail.sentAt).toBeNull();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(mail.id));
  });

  it("rejection: the database goes away after the commit; the rejection stands and the admin is told so", async () => {
    const { request } = await pendingCorrection(ORGS[3]);
    vi.spyOn(console, "error").mockImplementation(() => {});
    faults.afterCommit = true;
    const { state } = await run("decideChangeRequest", admin, {
      changeRequestId: request.id,
      decision: "reject",
      comment: "No source for this.",
    });
    expect(state).toEqual({ ok: true, message: "Rejected; the proposer has been told why.", fieldErrors: {} });
    expect(await decisionTrail(request.id)).toMatchObject({ status: "REJECTED", audits: 1, notifications: 1 });
  });

  it(`an admin's direct edit of an institution: the database goes away after the commit; saved, \
and its tags are returned`, async () => {
    const before = await prisma.institution.findUniqueOrThrow({ where: { id: institutionId } });
    faults.afterCommit = true;
    const { state, result } = await run("adminUpdateInstitution", admin, {
      institutionSlug: SLUG,
      baseVersion: String(before.version),
      values: {
        nameEn: "Write Failures University (renamed)",
        nameZh: "",
        city: "Nanjing",
        website: "",
        rorId: "",
        wikidataId: "",
      },
      source: {
        sourceUrl: "https://example.org/write-failures/renamed",
        sourceTitle: "",
        sourceQuote: "Write Failures University (renamed)",
        sourceSeenOn: "",
      },
    });
    expect(state).toEqual({ ok: true, message: "Saved and published.", fieldErrors: {} });
    expect(result?.tags).toEqual(expect.arrayContaining([`institution:${SLUG}`, "institutions", "pages"]));
    expect(await prisma.institution.findUniqueOrThrow({ where: { id: institutionId } })).toMatchObject({
      version: before.version + 1,
      city: "Nanjing",
    });
  });

  it(`a mail the transport refuses: the approval stands and the outbox row records \
why the mail did not go`, async () => {
    const organization = "alliance-of-international-science-organizations";
    const created = await proposeMembershipCreate(staff, {
      organizationSlug: organization,
      reason: null,
      values: values(),
    });
    const { state } = await run("decideChangeRequest", admin, {
      changeRequestId: created.id,
      decision: "approve",
      comment: "",
    });
    expect(state.ok).toBe(true);
    expect(await membership(organization)).not.toBeNull();
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { text: { contains: created.id } } });
    expect(mail).toMatchObject({ sentAt: null, error: expect.stringMatching(/ECONNREFUSED|connect/i) });
  });
});

describe("an import is sent whole or not at all", () => {
  const row = (slug: string, name: string): DraftRow => ({
    heading: name,
    match: { slug, name, score: 1 },
    joined: { iso: "2019", precision: "YEAR" },
    role: "MEMBER",
    passage: `${name}: joined in 2019`,
    action: "CREATE",
    current: null,
  });
  const draft = (rows: DraftRow[]) =>
    prisma.importDraft.create({
      data: {
        institutionId,
        createdById: staff.id,
        sourceUrl: "https://example.org/our-page",
        sourceTitle: null,
        rows,
      },
      select: { id: true },
    });
  const ticked = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        String(i),
        { include: "on" as const, role: "MEMBER" as const, joined: "2019" },
      ]),
    );
  const requestsOfImport = () =>
    prisma.changeRequest.count({ where: { institutionId, reason: "Imported from https://example.org/our-page" } });

  it("the third of three rows fails: the two before it are undone and the draft stays unsent", async () => {
    const [a, b, c] = await prisma.organization.findMany({
      where: {
        slug: {
          in: [
            "university-alliance-of-the-silk-road",
            "belt-and-road-federation-for-health-promotion",
            "mou-cuhk-ningxia-medical-university",
          ],
        },
      },
      select: { id: true, slug: true },
      orderBy: { slug: "asc" },
    });
    const { id } = await draft([row(a!.slug, "A"), row(b!.slug, "B"), row(c!.slug, "C")]);
    await refuse("ChangeRequest", `NEW."organizationId" = '${c!.id}'`);
    await expect(submitImport(staff, { draftId: id, rows: ticked(3) })).rejects.toThrow(/refused by the test/);
    expect(await requestsOfImport()).toBe(0);
    expect((await prisma.importDraft.findUniqueOrThrow({ where: { id } })).submittedAt).toBeNull();
  });

  it("two ticked rows about one organization are refused before anything is sent", async () => {
    const slug = "university-alliance-of-the-silk-road";
    const { id } = await draft([row(slug, "University Alliance of the Silk Road"), row(slug, "UASR")]);
    const error = await submitImport(staff, { draftId: id, rows: ticked(2) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors["rows.1.include"]).toEqual([
      expect.stringMatching(/same organization/),
    ]);
    expect(await requestsOfImport()).toBe(0);
  });

  it("one draft sent twice at the same moment: one sends it, the other is told it was already sent", async () => {
    const { id } = await draft([row("belt-and-road-federation-for-health-promotion", "BRFHP")]);
    const outcomes = await Promise.allSettled([
      submitImport(staff, { draftId: id, rows: ticked(1) }),
      submitImport(staff, { draftId: id, rows: ticked(1) }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(ValidationError);
    expect(await requestsOfImport()).toBe(1);
  });
});
