// The staff dashboard (issue 13 §3): each request's dates and latest event, the list filtered by status, the
// institution's CSV download, and "still accurate" for several entries at once (all or nothing, own entries only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
const { confirmMemberships } = await import("@/lib/data/memberships/confirmations");
const { listMyInstitutionRequests } = await import("@/lib/data/change-requests/queries");
const { getStaffDashboard } = await import("@/lib/data/accounts/dashboard");
const { sliceDownload } = await import("@/lib/open-data/downloads");
const { institutionCsvPath } = await import("@/lib/shared/paths");
const { ForbiddenError, NotFoundError } = await import("@/lib/shared/errors");

let admin: Actor;
let nmuStaff: Actor;
let cuhkStaff: Actor;
const OLD = new Date("2024-03-01T00:00:00Z");

beforeAll(async () => {
  [admin, nmuStaff, cuhkStaff] = await Promise.all([
    loadActor(prisma, "admin@atlas.test"),
    loadActor(prisma, "staff@njmu.test"),
    loadActor(prisma, "staff@cuhk.test"),
  ]);
});
/** Each membership this file made stale, as it was: other files (tools.test.ts) count the stale entries and read
 * the seed's confirmation dates, and the files run in any order on the one write database. */
const madeStale = new Map<string, { confirmedAt: Date | null; confirmedById: string | null }>();

afterAll(async () => {
  for (const [id, was] of madeStale) await prisma.membership.update({ where: { id }, data: was });
  await prisma.$disconnect();
});

/** Memberships of an institution, made "not confirmed for over a year". */
async function staleMemberships(institutionId: string, take: number) {
  const rows = await prisma.membership.findMany({ where: { institutionId }, orderBy: { id: "desc" }, take });
  for (const m of rows)
    if (!madeStale.has(m.id)) madeStale.set(m.id, { confirmedAt: m.confirmedAt, confirmedById: m.confirmedById });
  await prisma.membership.updateMany({
    where: { id: { in: rows.map((m) => m.id) } },
    data: { confirmedAt: OLD, confirmedById: null },
  });
  return rows.map((m) => m.id);
}

const confirmedAt = async (ids: string[]) =>
  (await prisma.membership.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((m) =>
    m.confirmedAt?.toISOString(),
  );
const audits = (ids: string[]) =>
  prisma.auditEvent.count({ where: { entityId: { in: ids }, action: "membership.confirm" } });

describe("still accurate, several entries at once", () => {
  it("confirms every ticked entry of the staff member's own institution, each audited as a single one", async () => {
    const ids = await staleMemberships(nmuStaff.institutionId!, 3);
    const auditsBefore = await audits(ids);
    const r = await confirmMemberships(nmuStaff, [...ids, ids[0]!]);
    expect(r.count).toBe(3);
    for (const at of await confirmedAt(ids)) expect(new Date(at!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await audits(ids)).toBe(auditsBefore + 3);
    const row = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: ids[0], action: "membership.confirm" },
      orderBy: { id: "desc" },
    });
    expect(row).toMatchObject({
      actorId: nmuStaff.id,
      proposerId: nmuStaff.id,
      before: { confirmedAt: OLD.toISOString() },
    });
    const dashboard = await getStaffDashboard(nmuStaff, "en");
    expect(dashboard.memberships.filter((m) => ids.includes(m.id)).map((m) => m.needsConfirmation)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("another institution's id in the list refuses the whole list: nothing changes, no audit row", async () => {
    const own = await staleMemberships(nmuStaff.institutionId!, 2);
    const [other] = await staleMemberships(cuhkStaff.institutionId!, 1);
    const ids = [...own, other!];
    const [before, auditsBefore] = [await confirmedAt(ids), await audits(ids)];
    await expect(confirmMemberships(nmuStaff, ids)).rejects.toThrow(NotFoundError);
    await expect(confirmMemberships(nmuStaff, [...own, "no-such-membership"])).rejects.toThrow(NotFoundError);
    await expect(confirmMemberships(cuhkStaff, own)).rejects.toThrow(NotFoundError);
    await expect(confirmMemberships(admin, own)).rejects.toThrow(ForbiddenError);
    await expect(confirmMemberships(null, own)).rejects.toThrow();
    expect(await confirmedAt(ids)).toEqual(before);
    expect(await audits(ids)).toBe(auditsBefore);
  });

  it("through the action: nothing ticked is a clear message in the form's language; ticked rows are confirmed", {
    timeout: 30_000,
  }, async () => {
    const action = actions.confirmMemberships!;
    for (const [locale, text] of [
      ["en", "Tick at least one entry."],
      ["zh", "请至少勾选一项。"],
    ] as const) {
      const { state } = await runDefinition(action, nmuStaff, { locale }, locale);
      expect(state.ok).toBe(false);
      expect(state.fieldErrors.membershipIds).toEqual([text]);
    }
    const ids = await staleMemberships(nmuStaff.institutionId!, 2);
    const other = await staleMemberships(cuhkStaff.institutionId!, 1);
    const refused = await runDefinition(action, nmuStaff, { membershipIds: { 0: ids[0], 3: other[0] } }, "zh");
    expect(refused.state).toMatchObject({ ok: false, message: "本校没有这条成员资格记录。" });
    expect(await confirmedAt(ids)).toEqual([OLD.toISOString(), OLD.toISOString()]);
    const { state } = await runDefinition(action, nmuStaff, { membershipIds: { 0: ids[0], 5: ids[1] } }, "en");
    expect(state).toMatchObject({ ok: true, message: "Thank you: the entries you ticked are confirmed as accurate." });
    expect(await confirmedAt(ids)).not.toContain(OLD.toISOString());
  });
});

describe("the staff member's requests", () => {
  // Ahead of every request other test files create in this database: the list shows the newest 100.
  const BASE = Math.ceil(Date.now() / 1000) * 1000 + 86_400_000;
  const day = (n: number) => new Date(BASE + n * 86_400_000);
  async function request(status: "PENDING" | "APPROVED" | "REJECTED" | "WITHDRAWN", institutionId: string) {
    const m = await prisma.membership.findFirstOrThrow({ where: { institutionId }, orderBy: { id: "asc" } });
    const proposer = await prisma.user.findFirstOrThrow({ where: { institutionId, role: "STAFF" } });
    return prisma.changeRequest.create({
      data: {
        kind: "MEMBERSHIP_UPDATE",
        status,
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
          notes: "dashboard",
          sourceUrl: null,
          sourceTitle: "t",
          sourceQuote: null,
        },
        proposedById: proposer.id,
        createdAt: day(0),
        ...(status === "PENDING" ? {} : { decidedAt: day(30), decidedById: status === "WITHDRAWN" ? null : admin.id }),
      },
    });
  }

  it("each says when it was sent and what last happened (a comment or the decision, with its date)", async () => {
    const nmu = nmuStaff.institutionId!;
    const [commented, approved, approvedThenCommented, withdrawn, quiet] = await Promise.all([
      request("PENDING", nmu),
      request("APPROVED", nmu),
      request("REJECTED", nmu),
      request("WITHDRAWN", nmu),
      request("PENDING", nmu),
    ]);
    await prisma.changeComment.createMany({
      data: [
        { changeRequestId: commented.id, authorId: admin.id, body: "Which page?", createdAt: day(2) },
        { changeRequestId: commented.id, authorId: nmuStaff.id, body: "This one", createdAt: day(3) },
        { changeRequestId: approved.id, authorId: admin.id, body: "Earlier", createdAt: day(4) },
        {
          changeRequestId: approvedThenCommented.id,
          authorId: admin.id,
          body: "Later",
          createdAt: day(50),
        },
      ],
    });
    const rows = await listMyInstitutionRequests(nmuStaff, "en");
    const byId = (id: string) => rows.find((r) => r.id === id)!;
    expect(byId(commented.id)).toMatchObject({
      createdAt: day(0).toISOString(),
      latest: { kind: "comment", status: null, at: day(3).toISOString(), by: nmuStaff.name },
    });
    expect(byId(approved.id).latest).toEqual({
      kind: "decision",
      status: "APPROVED",
      at: day(30).toISOString(),
      by: admin.name,
    });
    expect(byId(approvedThenCommented.id).latest).toMatchObject({ kind: "comment", at: day(50).toISOString() });
    expect(byId(withdrawn.id).latest).toMatchObject({ kind: "decision", status: "WITHDRAWN" });
    expect(byId(quiet.id).latest).toBeNull();
  });

  it("filtered by status: only that status, and only the staff member's own institution's", async () => {
    await Promise.all([request("WITHDRAWN", nmuStaff.institutionId!), request("WITHDRAWN", cuhkStaff.institutionId!)]);
    for (const status of ["PENDING", "APPROVED", "REJECTED", "WITHDRAWN"] as const) {
      const rows = await listMyInstitutionRequests(nmuStaff, "en", status);
      expect(rows.length, status).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.status)), status).toEqual(new Set([status]));
      expect(new Set(rows.map((r) => r.party.slug))).toEqual(new Set(["nanjing-medical-university"]));
    }
    const all = await listMyInstitutionRequests(nmuStaff, "en");
    expect(new Set(all.map((r) => r.status)).size).toBe(4);
    await expect(listMyInstitutionRequests(admin, "en", "PENDING")).rejects.toThrow(ForbiddenError);
  });
});

describe("the university's memberships as CSV", () => {
  it("the dashboard's link is the staff member's own institution's slice, with its approved memberships", async () => {
    for (const staff of [nmuStaff, cuhkStaff]) {
      const dashboard = await getStaffDashboard(staff, "en");
      const own = await prisma.institution.findUniqueOrThrow({ where: { id: staff.institutionId! } });
      const path = institutionCsvPath(dashboard.institution.slug);
      expect(path).toBe(`/api/v1/export/institutions/${own.slug}.csv`);
      const body = await sliceDownload("institutions", path.split("/").at(-1)!);
      if (!("text" in body)) throw new Error("expected a CSV download");
      expect(body.contentType).toMatch(/^text\/csv/);
      const [header, ...rows] = body.text.split("\r\n").filter(Boolean);
      const columns = header!.split(",");
      const at = (row: string, name: string) => row.split(",")[columns.indexOf(name)];
      expect(rows.every((r) => at(r, "institution_slug") === own.slug)).toBe(true);
      const organizations = dashboard.memberships.map((m) => m.organization.slug).sort();
      expect(rows.map((r) => at(r, "organization_slug")).sort()).toEqual(organizations);
    }
  });
});
