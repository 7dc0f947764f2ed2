// A university's managers and editors: managers promote, demote and remove colleagues of their own institution,
// which always keeps a manager; editors and other universities' managers change nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const { listColleagues, removeColleague, setColleagueRole } = await import("@/lib/data/accounts/colleagues");
const { db } = await import("@/lib/data/db");
const { updateUserAccess } = await import("@/lib/data/accounts/user-admin");

const prisma = testPrisma();
let nmuId: string;
let cuhkManager: Actor;

/** A staff account of a fresh test institution, so each test counts its own managers. */
async function institutionWithStaff(roles: ("MANAGER" | "EDITOR")[]) {
  const tag = randomBytes(4).toString("hex");
  const institution = await prisma.institution.create({
    data: {
      slug: `colleagues-${tag}`,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: { locale: "en", name: `Colleagues U ${tag}` } },
    },
  });
  const people: Actor[] = [];
  for (const [i, staffRole] of roles.entries()) {
    const email = `colleague-${tag}-${i}@example.org`;
    await prisma.user.create({
      data: { email, name: `Person ${i}`, role: "STAFF", staffRole, institutionId: institution.id },
    });
    people.push(await loadActor(prisma, email));
  }
  return { institutionId: institution.id, people };
}
const stateOf = (id: string) =>
  prisma.user.findUniqueOrThrow({
    where: { id },
    select: { staffRole: true, institutionId: true, disabledAt: true, sessionVersion: true },
  });

beforeAll(async () => {
  nmuId = (await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } })).id;
  cuhkManager = await loadActor(prisma, "staff@cuhk.test");
});
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("staff roles", () => {
  it("every staff account has a role: staff invited before roles existed are managers", async () => {
    for (const email of ["staff@njmu.test", "staff@cuhk.test"])
      expect((await prisma.user.findUniqueOrThrow({ where: { email } })).staffRole, email).toBe("MANAGER");
    expect(await prisma.user.count({ where: { role: "ADMIN", staffRole: { not: null } } })).toBe(0);
  });

  it("lists the institution's own staff to its staff, with who may manage", async () => {
    const { people } = await institutionWithStaff(["MANAGER", "EDITOR"]);
    const asManager = await listColleagues(people[0]!);
    expect(asManager.canManage).toBe(true);
    expect(asManager.colleagues.map((c) => c.staffRole)).toEqual(["MANAGER", "EDITOR"]);
    expect((await listColleagues(people[1]!)).canManage).toBe(false);
    await expect(listColleagues(null)).rejects.toThrow();
    await expect(listColleagues(await loadActor(prisma, "admin@atlas.test"))).rejects.toThrow();
  });
});

describe("a manager", () => {
  it("makes an editor manager: audited, and the colleague's sessions end", async () => {
    const { people } = await institutionWithStaff(["MANAGER", "EDITOR"]);
    const before = await stateOf(people[1]!.id);
    await setColleagueRole(people[0]!, { userId: people[1]!.id, staffRole: "MANAGER" });
    const after = await stateOf(people[1]!.id);
    expect(after.staffRole).toBe("MANAGER");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.staff-role", entityId: people[1]!.id },
    });
    expect(audit).toMatchObject({
      actorId: people[0]!.id,
      before: { staffRole: "EDITOR" },
      after: { staffRole: "MANAGER" },
    });
  });

  it("cannot step down or leave while the only manager; can once a colleague is manager", async () => {
    const { people } = await institutionWithStaff(["MANAGER", "EDITOR"]);
    const [manager, editor] = [people[0]!, people[1]!];
    const before = await stateOf(manager.id);
    await expect(setColleagueRole(manager, { userId: manager.id, staffRole: "EDITOR" })).rejects.toThrow(
      /at least one manager/,
    );
    await expect(removeColleague(manager, { userId: manager.id })).rejects.toThrow(/at least one manager/);
    expect(await stateOf(manager.id)).toEqual(before);
    await setColleagueRole(manager, { userId: editor.id, staffRole: "MANAGER" });
    await setColleagueRole(manager, { userId: manager.id, staffRole: "EDITOR" });
    expect((await stateOf(manager.id)).staffRole).toBe("EDITOR");
  });

  it("two managers stepping each other down at once leave one manager", async () => {
    const { institutionId, people } = await institutionWithStaff(["MANAGER", "MANAGER"]);
    const results = await Promise.allSettled([
      setColleagueRole(people[0]!, { userId: people[1]!.id, staffRole: "EDITOR" }),
      setColleagueRole(people[1]!, { userId: people[0]!.id, staffRole: "EDITOR" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.user.count({ where: { institutionId, staffRole: "MANAGER", disabledAt: null } })).toBe(1);
  });

  it("removes a colleague: disabled, no longer the institution's, audited", async () => {
    const { institutionId, people } = await institutionWithStaff(["MANAGER", "EDITOR"]);
    await removeColleague(people[0]!, { userId: people[1]!.id });
    const after = await stateOf(people[1]!.id);
    expect(after).toMatchObject({ institutionId: null, staffRole: null });
    expect(after.disabledAt).not.toBeNull();
    expect(
      await prisma.auditEvent.count({
        where: { action: "user.remove", entityId: people[1]!.id, actorId: people[0]!.id },
      }),
    ).toBe(1);
    expect((await listColleagues(people[0]!)).colleagues.map((c) => c.id)).toEqual([people[0]!.id]);
    expect(institutionId).toBeTruthy();
  });
});

describe("who may not", () => {
  it("an editor changes no one's role and removes no one; nothing changes", async () => {
    const { people } = await institutionWithStaff(["MANAGER", "EDITOR", "EDITOR"]);
    const [manager, editor, other] = [people[0]!, people[1]!, people[2]!];
    const before = await Promise.all([stateOf(manager.id), stateOf(other.id), stateOf(editor.id)]);
    await expect(setColleagueRole(editor, { userId: editor.id, staffRole: "MANAGER" })).rejects.toThrow(/managers/);
    await expect(setColleagueRole(editor, { userId: manager.id, staffRole: "EDITOR" })).rejects.toThrow(/managers/);
    await expect(removeColleague(editor, { userId: other.id })).rejects.toThrow(/managers/);
    expect(await Promise.all([stateOf(manager.id), stateOf(other.id), stateOf(editor.id)])).toEqual(before);
  });

  it("another university's manager, an admin through these forms, no one signed in: refused, no change", async () => {
    const nmuEditor = await prisma.user.create({
      data: {
        email: `nmu-editor-${randomBytes(4).toString("hex")}@example.org`,
        name: "NMU Editor",
        role: "STAFF",
        staffRole: "EDITOR",
        institutionId: nmuId,
      },
    });
    const before = await stateOf(nmuEditor.id);
    await expect(setColleagueRole(cuhkManager, { userId: nmuEditor.id, staffRole: "MANAGER" })).rejects.toThrow(
      /No colleague/,
    );
    await expect(removeColleague(cuhkManager, { userId: nmuEditor.id })).rejects.toThrow(/No colleague/);
    const admin = await loadActor(prisma, "admin@atlas.test");
    await expect(setColleagueRole(admin, { userId: nmuEditor.id, staffRole: "MANAGER" })).rejects.toThrow();
    await expect(removeColleague(null, { userId: nmuEditor.id })).rejects.toThrow();
    expect(await stateOf(nmuEditor.id)).toEqual(before);
  });
});

describe("an admin", () => {
  it("can always change a staff role, even the last manager's (a rogue manager), on the accounts page", async () => {
    const { people } = await institutionWithStaff(["MANAGER", "EDITOR"]);
    const admin = await loadActor(prisma, "admin@atlas.test");
    const slug = (await prisma.institution.findFirstOrThrow({ where: { users: { some: { id: people[0]!.id } } } }))
      .slug;
    await updateUserAccess(
      admin,
      { userId: people[0]!.id, role: "STAFF", staffRole: "EDITOR", institutionSlug: slug, disabled: true },
      "en",
    );
    expect(await stateOf(people[0]!.id)).toMatchObject({ staffRole: "EDITOR" });
    expect((await stateOf(people[0]!.id)).disabledAt).not.toBeNull();
    await updateUserAccess(
      admin,
      { userId: people[1]!.id, role: "STAFF", staffRole: "MANAGER", institutionSlug: slug, disabled: false },
      "en",
    );
    expect((await stateOf(people[1]!.id)).staffRole).toBe("MANAGER");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.access", entityId: people[1]!.id },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ staffRole: "MANAGER" });
  });
});
