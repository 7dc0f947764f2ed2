// A staff account's institution as an admin picks it: from the type-ahead (a slug) or typed by name without
// JavaScript. The directory holds 10,000 universities, so the forms no longer list them all in a <select>.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const { inviteUser, updateUserAccess } = await import("@/lib/data/accounts/user-admin");
const { db } = await import("@/lib/data/db");

const prisma = testPrisma();
let admin: Actor;
const email = (tag: string) => `picker-${tag}-${Date.now().toString(36)}@example.org`;
const institutionOf = async (address: string) =>
  (await prisma.user.findUnique({ where: { email: address }, select: { institution: { select: { slug: true } } } }))
    ?.institution?.slug;

beforeAll(async () => {
  admin = await loadActor(prisma, "admin@atlas.test");
});
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("inviting staff of an institution", () => {
  it("takes the slug the type-ahead chose, even for a university the directory alone holds", async () => {
    const address = email("slug");
    await inviteUser(admin, { email: address, name: "A", role: "STAFF", institutionSlug: "keio-university" }, "en");
    expect(await institutionOf(address)).toBe("keio-university");
  });

  it("resolves a name typed without JavaScript: an exact name or acronym, in any language", async () => {
    const byName = email("name");
    await inviteUser(
      admin,
      { email: byName, name: "B", role: "STAFF", institutionSlug: null, institution: "Xi'an Jiaotong University" },
      "en",
    );
    expect(await institutionOf(byName)).toBe("xian-jiaotong-university");
    const byChinese = email("zh");
    await inviteUser(
      admin,
      { email: byChinese, name: "C", role: "STAFF", institutionSlug: null, institution: "南京医科大学" },
      "zh",
    );
    expect(await institutionOf(byChinese)).toBe("nanjing-medical-university");
  });

  it("refuses a name that matches no institution, or several, and creates no account", async () => {
    const unknown = email("unknown");
    await expect(
      inviteUser(
        admin,
        { email: unknown, name: "D", role: "STAFF", institutionSlug: null, institution: "Nowhere U" },
        "en",
      ),
    ).rejects.toMatchObject({ fieldErrors: { institution: [expect.stringContaining("Nowhere U")] } });
    const twice = email("twice");
    await expect(
      inviteUser(
        admin,
        { email: twice, name: "E", role: "STAFF", institutionSlug: null, institution: "Glendale Community College" },
        "en",
      ),
    ).rejects.toMatchObject({ fieldErrors: { institution: [expect.stringContaining("More than one institution")] } });
    const none = email("none");
    await expect(
      inviteUser(admin, { email: none, name: "F", role: "STAFF", institutionSlug: null, institution: "" }, "en"),
    ).rejects.toMatchObject({ fieldErrors: { institution: ["Choose the institution."] } });
    expect(await prisma.user.count({ where: { email: { in: [unknown, twice, none] } } })).toBe(0);
  });

  it("moves an account to another institution by a typed name, and leaves it alone on a bad one", async () => {
    const address = email("move");
    await inviteUser(admin, { email: address, name: "G", role: "STAFF", institutionSlug: "keio-university" }, "en");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: address }, select: { id: true } });
    const access = { userId: user.id, role: "STAFF" as const, institutionSlug: null, disabled: false };
    await updateUserAccess(admin, { ...access, institution: "CUHK" }, "en");
    expect(await institutionOf(address)).toBe("chinese-university-of-hong-kong");
    await expect(updateUserAccess(admin, { ...access, institution: "Nowhere U" }, "en")).rejects.toThrow();
    expect(await institutionOf(address)).toBe("chinese-university-of-hong-kong");
  });
});
