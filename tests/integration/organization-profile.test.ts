import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveChangeRequest } from "@/lib/data/change-requests/decide";
import { getChangeRequest } from "@/lib/data/change-requests/queries";
import { getOwnOrganizationProfile, proposeOrganizationUpdate } from "@/lib/data/organization-side/profile-propose";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from "@/lib/shared/errors";
import type { Actor } from "@/lib/shared/actor";
import { proposeOrganizationUpdateSchema } from "@/lib/validation/organization-profile";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { secretariatUser } from "../support/secretariats";

// An organization's secretariat proposes changes to its own organization's profile (issue 16): each kind of fact,
// through review, credited to the source it cites; never another organization's, never by a university's staff.

useWriteDatabase();
const prisma = testPrisma();
const UASR = "university-alliance-of-the-silk-road";
const UABR = "university-alliance-of-belt-and-road";
const MANAGER = "profile-manager@uasr.test";

let secretariat: Actor;
let admin: Actor;

type FormValues = Record<string, unknown>;

/** The form as the secretariat's page fills it now, with `edit` applied: the shape the action receives. */
async function formNow(actor: Actor, edit: (v: FormValues) => void = () => {}) {
  const p = await getOwnOrganizationProfile(actor, "en");
  const rows = <T>(list: T[], row: (x: T) => Record<string, string>) =>
    Object.fromEntries(list.map((x, i) => [String(i), row(x)]));
  const values: FormValues = {
    nameEn: p.values.nameEn,
    nameZh: p.values.nameZh ?? "",
    acronym: p.values.acronym ?? "",
    website: p.values.website ?? "",
    introduction: p.values.introduction ?? "",
    introductionLocale: p.values.introductionLocale,
    formerNames: rows(p.values.formerNames, (n) => ({
      name: n.name,
      locale: n.locale,
      validUntil: n.validUntil?.iso ?? "",
    })),
    founders: rows(p.founders, (f) => ({ institution: f.name, institutionSlug: f.slug, role: f.role })),
    declaredCounts: rows(p.values.declaredCounts, (c) => ({
      countSubject: c.subject,
      qualifier: c.qualifier,
      value: String(c.value),
      asOf: c.asOf?.iso ?? "",
    })),
  };
  edit(values);
  return { version: p.version, values };
}

/** An edit of one field of the form. */
const set = (field: string, value: unknown) => (v: FormValues) => {
  v[field] = value;
};

const cited = (quote = `Passage ${randomBytes(3).toString("hex")}`) => ({
  sourceUrl: "https://uasr.example.org/about",
  sourceTitle: "About the UASR",
  sourceQuote: quote,
  sourceSeenOn: "2026-11-20",
});

async function propose(actor: Actor | null, edit: (v: FormValues) => void, source = cited()) {
  const form = await formNow(secretariat, edit);
  const input = proposeOrganizationUpdateSchema.parse({
    baseVersion: String(form.version),
    reason: "",
    values: form.values,
    source,
  });
  return proposeOrganizationUpdate(actor, input, "en");
}

const uasr = () =>
  prisma.organization.findUniqueOrThrow({
    where: { slug: UASR },
    include: { names: true, founders: true, declaredCounts: true, memberships: true },
  });

beforeAll(async () => {
  await secretariatUser(prisma, { email: MANAGER, organizationSlug: UASR });
  await secretariatUser(prisma, { email: "profile-editor@uabr.test", organizationSlug: UABR, staffRole: "EDITOR" });
  await secretariatUser(prisma, { email: "profile-pending@uasr.test", organizationSlug: UASR, staffRole: null });
  secretariat = await loadActor(prisma, MANAGER);
  admin = await loadActor(prisma, "admin@atlas.test");
});
afterAll(() => prisma.$disconnect());

describe("a secretariat proposes its organization's profile, an admin approves", () => {
  it("a former name with its date, and a renamed organization keeps its old name as a former one", async () => {
    const before = await uasr();
    const created = await propose(secretariat, (v) => {
      v.nameEn = "University Alliance of the New Silk Road";
      v.formerNames = { "0": { name: "Silk Road University Alliance", locale: "en", validUntil: "May 2016" } };
    });
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(request).toMatchObject({
      kind: "ORGANIZATION_UPDATE",
      side: "ORGANIZATION",
      institutionId: null,
      organizationId: before.id,
      baseVersion: before.version,
    });
    // The review's diff lists the names as readable rows, the old official name among the former ones.
    const review = await getChangeRequest(admin, created.id, "en");
    const formers = review.diff.find((d) => d.field === "formerNames")!;
    expect(formers.changed).toBe(true);
    expect(formers.after).toEqual([
      { name: "Silk Road University Alliance", locale: "en", validUntil: { iso: "2016-05", precision: "MONTH" } },
      { name: "University Alliance of the Silk Road", locale: "en", validUntil: null },
    ]);

    await approveChangeRequest(admin, created.id, null);
    const after = await uasr();
    expect(after.version).toBe(before.version + 1);
    const byName = (name: string) => after.names.find((n) => n.name === name)!;
    expect(byName("University Alliance of the New Silk Road")).toMatchObject({ kind: "OFFICIAL", acronym: "UASR" });
    expect(byName("University Alliance of the Silk Road").kind).toBe("FORMER");
    expect(byName("Silk Road University Alliance")).toMatchObject({ kind: "FORMER", validUntilPrecision: "MONTH" });
    // Credited to a source the organization itself publishes; the unchanged Chinese name keeps its source.
    const source = await prisma.source.findUniqueOrThrow({
      where: { id: byName("Silk Road University Alliance").sourceId! },
    });
    expect(source).toMatchObject({ organizationId: before.id, url: "https://uasr.example.org/about" });
    expect(byName("丝绸之路大学联盟").sourceId).toBe(before.names.find((n) => n.locale === "zh")!.sourceId);
    expect(after.searchText).toContain("Silk Road University Alliance");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { changeRequestId: created.id } });
    expect(audit).toMatchObject({ action: "organization.update", entityId: before.id, proposerId: secretariat.id });
    // Memberships are never the profile's to change.
    expect(after.memberships).toEqual(before.memberships);
  });

  it("founders with their roles: one added from the registry, the unchanged keep their source", async () => {
    const before = await uasr();
    const created = await propose(secretariat, (v) => {
      v.founders = {
        ...(v.founders as object),
        "1": { institution: "The Chinese University of Hong Kong", institutionSlug: "", role: "SUPPORTER" },
      };
    });
    await approveChangeRequest(admin, created.id, null);
    const after = await uasr();
    const cuhk = await prisma.institution.findUniqueOrThrow({ where: { slug: "chinese-university-of-hong-kong" } });
    expect(after.founders).toHaveLength(2);
    const added = after.founders.find((f) => f.institutionId === cuhk.id)!;
    expect(added).toMatchObject({ role: "SUPPORTER", position: 1 });
    const kept = after.founders.find((f) => f.institutionId !== cuhk.id)!;
    expect(kept.sourceId).toBe(before.founders[0]!.sourceId);
    expect(added.sourceId).not.toBe(kept.sourceId);
  });

  it("a declared count corrected with its date; the public page shows the new values with their sources", async () => {
    const created = await propose(
      secretariat,
      (v) => {
        v.declaredCounts = {
          "0": { countSubject: "MEMBERS", qualifier: "EXACTLY", value: "162", asOf: "November 2026" },
        };
        v.website = "https://uasr.example.org";
        v.introduction = "The University Alliance of the Silk Road brings universities together.";
      },
      cited("The Alliance has 162 member universities (November 2026)."),
    );
    await approveChangeRequest(admin, created.id, null);
    const after = await uasr();
    expect(after.declaredCounts).toHaveLength(1);
    expect(after.declaredCounts[0]).toMatchObject({ value: 162, qualifier: "EXACTLY", asOfPrecision: "MONTH" });
    expect(after.declaredCounts[0]!.countryCount).toBeNull();

    const page = await getOrganizationBySlug(UASR, "en");
    expect(page!.declaredCounts[0]).toMatchObject({
      value: 162,
      asOf: { iso: "2026-11", precision: "MONTH" },
      source: { url: "https://uasr.example.org/about" },
    });
    expect(page!.declaredCounts[0]!.source?.quote).toBe("The Alliance has 162 member universities (November 2026).");
    expect(page!.website).toBe("https://uasr.example.org");
    expect(page!.websiteSource?.url).toBe("https://uasr.example.org/about");
    expect(page!.introductionSource?.url).toBe("https://uasr.example.org/about");
    const former = page!.names.find((n) => n.name === "Silk Road University Alliance")!;
    expect(former).toMatchObject({ kind: "FORMER", validUntil: { iso: "2016-05", precision: "MONTH" } });
    expect(former.source?.url).toBe("https://uasr.example.org/about");
    expect(page!.founders.map((f) => f.institution.slug)).toContain("chinese-university-of-hong-kong");
  });
});

describe("what a proposal must carry", () => {
  it("a changed fact needs a source and its passage, not the one the current value rests on", async () => {
    const count = await prisma.changeRequest.count();
    const noSource = await propose(secretariat, set("acronym", "USR"), {
      sourceUrl: "",
      sourceTitle: "",
      sourceQuote: "",
      sourceSeenOn: "",
    }).catch((e) => e);
    expect(noSource).toBeInstanceOf(ValidationError);
    expect(Object.keys(noSource.fieldErrors)).toEqual(["source.sourceUrl", "source.sourceQuote"]);
    const sameAsNow = await propose(
      secretariat,
      set("declaredCounts", {}),
      cited("The Alliance has 162 member universities (November 2026)."),
    ).catch((e) => e);
    expect(sameAsNow).toBeInstanceOf(ValidationError);
    expect(sameAsNow.fieldErrors["source.sourceQuote"]).toBeTruthy();
    expect(await prisma.changeRequest.count()).toBe(count);
  });

  it("nothing changed, a stale version, a second pending request and a row twice are refused", async () => {
    const count = await prisma.changeRequest.count();
    await expect(propose(secretariat, () => {})).rejects.toThrow("Nothing changed");
    const form = await formNow(secretariat, set("acronym", "USR"));
    const stale = proposeOrganizationUpdateSchema.parse({
      baseVersion: String(form.version - 1),
      reason: "",
      values: form.values,
      source: cited(),
    });
    await expect(proposeOrganizationUpdate(secretariat, stale)).rejects.toBeInstanceOf(StaleVersionError);
    const twice = await propose(secretariat, (v) => {
      v.formerNames = {
        "0": { name: "Old Name", locale: "en", validUntil: "" },
        "1": { name: "Old Name", locale: "en", validUntil: "2010" },
      };
    }).catch((e) => e);
    expect(twice).toBeInstanceOf(ValidationError);
    expect(twice.fieldErrors["values.formerNames.1.name"]).toEqual(["This former name is listed twice."]);
    // A founder typed without JavaScript that names no institution, and a row without its role.
    const unknown = await propose(
      secretariat,
      set("founders", { "0": { institution: "No Such University Anywhere", institutionSlug: "", role: "FOUNDER" } }),
    ).catch((e) => e);
    expect(unknown).toBeInstanceOf(ValidationError);
    expect(Object.keys(unknown.fieldErrors)).toEqual(["values.founders.0.institution"]);
    const roleless = proposeOrganizationUpdateSchema.safeParse({
      baseVersion: "1",
      reason: "",
      values: {
        nameEn: "University Alliance",
        nameZh: "",
        acronym: "",
        website: "",
        introduction: "",
        founders: { "0": { institution: "Xi'an Jiaotong University", institutionSlug: "", role: "" } },
      },
      source: cited(),
    });
    expect(roleless.success ? [] : roleless.error.issues.map((i) => i.path.join("."))).toEqual([
      "values.founders.0.role",
    ]);
    expect(await prisma.changeRequest.count()).toBe(count);

    const first = await propose(secretariat, set("acronym", "USR"));
    await expect(propose(secretariat, set("acronym", "SRUA"))).rejects.toBeInstanceOf(ConflictError);
    await prisma.changeRequest.update({ where: { id: first.id }, data: { status: "WITHDRAWN" } });
  });

  it("a profile changed after the proposal is a conflict recorded on the request, and nothing is applied", async () => {
    const created = await propose(secretariat, set("acronym", "USR"));
    await prisma.organization.update({ where: { slug: UASR }, data: { version: { increment: 1 } } });
    const before = await uasr();
    await expect(approveChangeRequest(admin, created.id, null)).rejects.toBeInstanceOf(StaleVersionError);
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(request.status).toBe("PENDING");
    expect(request.conflict).toMatch(/changed after this request was made/);
    expect(await uasr()).toEqual(before);
    await prisma.changeRequest.update({ where: { id: created.id }, data: { status: "WITHDRAWN" } });
  });
});

describe("never the other side", () => {
  it("a university's staff, an admin, a visitor, a pending account: refused, and nothing changes", async () => {
    const before = JSON.stringify([await uasr(), await prisma.changeRequest.count(), await prisma.source.count()]);
    const someone = [
      await loadActor(prisma, "staff@cuhk.test"),
      await loadActor(prisma, "staff@njmu.test"),
      admin,
      await loadActor(prisma, "profile-pending@uasr.test"),
    ];
    for (const actor of someone)
      await expect(propose(actor, set("acronym", "USR"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(propose(null, set("acronym", "USR"))).rejects.toThrow();
    expect(JSON.stringify([await uasr(), await prisma.changeRequest.count(), await prisma.source.count()])).toBe(
      before,
    );
  });

  it("another organization's secretariat proposes only for its own organization, never this one", async () => {
    const before = JSON.stringify(await uasr());
    const editor = await loadActor(prisma, "profile-editor@uabr.test");
    // The UASR form's values sent by UABR's editor: the version is UASR's, so it is refused as out of date for UABR.
    await expect(propose(editor, set("acronym", "USR"))).rejects.toBeInstanceOf(StaleVersionError);
    const uabr = await prisma.organization.findUniqueOrThrow({ where: { slug: UABR } });
    const own = await formNow(editor, set("website", "https://uabr.example.org"));
    const created = await proposeOrganizationUpdate(
      editor,
      proposeOrganizationUpdateSchema.parse({
        baseVersion: String(own.version),
        reason: "",
        values: own.values,
        source: cited(),
      }),
    );
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: created.id } })).organizationId).toBe(uabr.id);
    expect(JSON.stringify(await uasr())).toBe(before);
    // The other secretariat cannot read UASR's requests either.
    const uasrRequest = await prisma.changeRequest.findFirstOrThrow({
      where: { organization: { slug: UASR }, kind: "ORGANIZATION_UPDATE" },
    });
    await expect(getChangeRequest(editor, uasrRequest.id, "en")).rejects.toThrow("No such request.");
    await prisma.changeRequest.update({ where: { id: created.id }, data: { status: "WITHDRAWN" } });
  });
});
