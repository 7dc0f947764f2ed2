// A staff member leaves their institution and deletes their account: confirmed by their own address; what names
// them is gone, the history keeps its rows; an institution's only manager names another first; nobody else can.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const { leaveAndDeleteAccount, FORMER_NAME } = await import("@/lib/data/accounts/leave");
const { db } = await import("@/lib/data/db");

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

/** Staff of a fresh institution, so each test counts its own managers. */
async function staff(roles: ("MANAGER" | "EDITOR")[]) {
  const tag = randomBytes(4).toString("hex");
  const institution = await prisma.institution.create({
    data: {
      slug: `leave-${tag}`,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: { locale: "en", name: `Leave ${tag}` } },
    },
  });
  const people: Actor[] = [];
  for (const [i, staffRole] of roles.entries()) {
    const email = `leave-${tag}-${i}@example.org`;
    await prisma.user.create({
      data: { email, name: `Leaver ${i}`, role: "STAFF", staffRole, institutionId: institution.id, passwordHash: "x" },
    });
    people.push(await loadActor(prisma, email));
  }
  return people;
}

describe("leaving and deleting one's account", () => {
  it("an editor leaves: no name, address, password or links remain; the history keeps the account's id", async () => {
    const [, editor] = await staff(["MANAGER", "EDITOR"]);
    await prisma.userToken.create({
      data: {
        userId: editor!.id,
        purpose: "PASSWORD_RESET",
        tokenHash: randomBytes(16).toString("hex"),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await prisma.notification.create({ data: { userId: editor!.id, message: "Hello" } });
    await prisma.outboxMail.create({ data: { to: editor!.email, subject: "s", text: "t" } });
    await leaveAndDeleteAccount(editor!, { confirmEmail: editor!.email.toUpperCase() });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: editor!.id } });
    expect(after).toMatchObject({ name: FORMER_NAME, passwordHash: null, institutionId: null, staffRole: null });
    expect(after.email).not.toContain("example.org");
    expect(after.disabledAt).not.toBeNull();
    expect(await prisma.userToken.count({ where: { userId: editor!.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: editor!.id } })).toBe(0);
    expect(await prisma.outboxMail.count({ where: { to: editor!.email } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.leave", entityId: editor!.id } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(editor!.email);
  });

  it("refuses a confirmation that is not the account's own address, and changes nothing", async () => {
    const [, editor] = await staff(["MANAGER", "EDITOR"]);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: editor!.id } });
    await expect(leaveAndDeleteAccount(editor!, { confirmEmail: "someone@example.org" })).rejects.toMatchObject({
      fieldErrors: { confirmEmail: ["Type your own email address to confirm."] },
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: editor!.id } })).toEqual(before);
  });

  it("an only manager with colleagues names another manager first; alone, they may leave", async () => {
    const [manager, editor] = await staff(["MANAGER", "EDITOR"]);
    await expect(leaveAndDeleteAccount(manager!, { confirmEmail: manager!.email })).rejects.toThrow(/only manager/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: manager!.id } })).disabledAt).toBeNull();
    await leaveAndDeleteAccount(editor!, { confirmEmail: editor!.email });
    await leaveAndDeleteAccount(manager!, { confirmEmail: manager!.email });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: manager!.id } })).disabledAt).not.toBeNull();
  });

  it("an admin or no one signed in cannot use it, and nothing changes", async () => {
    const admin = await loadActor(prisma, "admin@atlas.test");
    const before = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(leaveAndDeleteAccount(admin, { confirmEmail: admin.email })).rejects.toThrow(/staff/);
    await expect(leaveAndDeleteAccount(null, { confirmEmail: admin.email })).rejects.toThrow();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toEqual(before);
  });
});
