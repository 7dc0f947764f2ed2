import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMemberListDraft, previewMemberList } from "@/lib/data/organization-side/member-list-drafts";
import { reviewMemberList } from "@/lib/data/organization-side/member-list-send";
import { approveChangeRequest } from "@/lib/data/change-requests/decide";
import { getChangeRequest } from "@/lib/data/change-requests/queries";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/shared/errors";
import { previewMemberListSchema, reviewMemberListSchema } from "@/lib/validation/member-list";
import type { Actor } from "@/lib/shared/actor";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { secretariatUser } from "../support/secretariats";

// The member-list upload of issue 16 against the seed database: the registry's institutions and the directory's
// ~10,000 universities (unlisted institutions).

useWriteDatabase();
const prisma = testPrisma();
const UASR = "university-alliance-of-the-silk-road";
const UABR = "university-alliance-of-belt-and-road";

const LIST = [
  "Xi'an Jiaotong University, China",
  "1. Chinese University of Hong Kong (Hong Kong, China)",
  // A look-alike: several universities of the directory are called "… University of Technology" in Xi'an.
  "Xi'an University of Technology and Architecture, China",
  // A misspelling.
  "Nanjing Medcal Univeristy, China",
  // A university nobody knows.
  "Université Imaginaire de Nulle Part (France)",
].join("\n");

const SOURCE = "https://uasr.example.org/members";

let secretariat: Actor;
let uasrId = "";

const preview = (actor: Actor | null, text = LIST) =>
  previewMemberList(actor, previewMemberListSchema.parse({ text, sourceUrl: SOURCE, sourceTitle: "UASR members" }));

/** The form's rows as the preview posts them: each row's pick (and a new institution's fields). */
const review = (draftId: string, intent: "save" | "send", rows: Record<string, Record<string, string>>) =>
  reviewMemberListSchema.parse({ draftId, intent, rows });

async function counts() {
  const [requests, drafts, institutions, memberships] = await Promise.all([
    prisma.changeRequest.count({ where: { organizationId: uasrId, side: "ORGANIZATION" } }),
    prisma.memberListDraft.findMany({
      where: { organizationId: uasrId },
      select: { id: true, rows: true, sentAt: true },
    }),
    prisma.institution.count(),
    prisma.membership.count(),
  ]);
  return JSON.stringify({ requests, drafts, institutions, memberships });
}

beforeAll(async () => {
  uasrId = (await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } })).id;
  await secretariatUser(prisma, { email: "upload-manager@uasr.test", organizationSlug: UASR });
  secretariat = await loadActor(prisma, "upload-manager@uasr.test");
  // The write database is shared: another file's pending statement of UASR's side would stand in these tests' way.
  await prisma.changeRequest.updateMany({
    where: { organizationId: uasrId, side: "ORGANIZATION", status: "PENDING" },
    data: { status: "WITHDRAWN" },
  });
});
const started = new Date();
afterAll(async () => {
  // The write database is shared with later files: what these tests left pending would stand in their way.
  await prisma.changeRequest.updateMany({
    where: { status: "PENDING", createdAt: { gte: started } },
    data: { status: "WITHDRAWN" },
  });
  await prisma.$disconnect();
});

describe("member-list upload", () => {
  let draftId = "";

  it("matches a list against the registry and the directory: matched, to choose, not found", async () => {
    const made = await preview(secretariat);
    draftId = made.id;
    const draft = await getMemberListDraft(secretariat, draftId, "en");
    const byLine = (line: number) => draft.rows.find((r) => r.line === line)!;
    // What the upload matched on the seed data, for the lead's note.
    console.info(
      "member-list upload on the seed data:\n" +
        draft.rows
          .map(
            (r) =>
              `  line ${r.line} "${r.name}" → ${r.status}` +
              (r.candidates.length
                ? `: ${r.candidates.map((c) => `${c.name} (${c.country}, ${Math.round(c.score * 100)}%)`).join("; ")}`
                : ""),
          )
          .join("\n"),
    );
    const xjtu = byLine(1);
    expect(xjtu.status).toBe("MATCHED");
    expect(xjtu.candidates[0]!.href).toBe("/institutions/xian-jiaotong-university");
    // "Chinese University of Hong Kong" is "The Chinese University of Hong Kong": "The" set aside, HK from "(Hong
    // Kong, China)".
    const cuhk = byLine(2);
    expect(cuhk).toMatchObject({ status: "MATCHED", countryCodes: ["HK"] });
    expect(cuhk.candidates[0]!.href).toBe("/institutions/chinese-university-of-hong-kong");
    // A look-alike, however close, is the person's call.
    expect(byLine(3).status).toBe("AMBIGUOUS");
    expect(byLine(3).candidates[0]!.href).toBe("/institutions/xian-university-of-architecture-and-technology");
    const misspelt = byLine(4);
    expect(misspelt.status).toBe("AMBIGUOUS");
    expect(misspelt.candidates[0]!.href).toBe("/institutions/nanjing-medical-university");
    expect(byLine(5)).toMatchObject({ status: "UNMATCHED", candidates: [], countryCodes: ["FR"] });
    // The confident matches start chosen, the others left out until the person chooses.
    expect(draft.rows.filter((r) => r.choice.pick === "institution").map((r) => r.line)).toEqual([1, 2]);
  });

  it("refuses a list over the limit, and an empty one, clearly and storing nothing", async () => {
    const before = await counts();
    const long = Array.from({ length: 2001 }, (_, i) => `University number ${i + 1}`).join("\n");
    await expect(preview(secretariat, long)).rejects.toThrow(/This list has 2001 rows: at most 2000/);
    await expect(preview(secretariat, "1.\n2.\n-\n")).rejects.toBeInstanceOf(ValidationError);
    expect(await counts()).toBe(before);
  });

  it("sends all or nothing: a failing row refuses the whole list, named, and nothing is stored", async () => {
    const draft = await getMemberListDraft(secretariat, draftId, "en");
    const nmu = draft.rows.find((r) => r.line === 4)!.candidates[0]!;
    // NMU has a request of UASR's side waiting: the misspelt row that means it cannot be sent.
    const blocker = await prisma.changeRequest.create({
      data: {
        kind: "MEMBERSHIP_CREATE",
        side: "ORGANIZATION",
        institutionId: nmu.id,
        organizationId: uasrId,
        proposed: {},
        proposedById: secretariat.id,
      },
    });
    const before = await prisma.changeRequest.count({ where: { organizationId: uasrId, side: "ORGANIZATION" } });
    const rows = {
      "0": { pick: draft.rows[0]!.candidates[0]!.id },
      "1": { pick: draft.rows[1]!.candidates[0]!.id },
      "3": { pick: nmu.id },
      "4": { pick: "new", nameEn: "Université Imaginaire de Nulle Part", country: "FR" },
    };
    const refused = await reviewMemberList(secretariat, review(draftId, "send", rows)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors["rows.3.pick"]).toEqual([
      "A change to this member is already waiting for review.",
    ]);
    expect(await prisma.changeRequest.count({ where: { organizationId: uasrId, side: "ORGANIZATION" } })).toBe(before);
    expect((await prisma.memberListDraft.findUniqueOrThrow({ where: { id: draftId } })).sentAt).toBeNull();
    // A new institution without a country is named at its field, and nothing is sent either.
    const noCountry = { ...rows, "3": { pick: "none" }, "4": { pick: "new", nameEn: "Somewhere", country: "" } };
    const refusedToo = await reviewMemberList(secretariat, review(draftId, "send", noCountry)).catch((e: unknown) => e);
    expect((refusedToo as ValidationError).fieldErrors["rows.4.country"]).toBeDefined();
    expect(await prisma.changeRequest.count({ where: { organizationId: uasrId, side: "ORGANIZATION" } })).toBe(before);
    await prisma.changeRequest.update({ where: { id: blocker.id }, data: { status: "WITHDRAWN" } });
  });

  it("a request failing inside the batch undoes the rows before it (one transaction), naming its line", async () => {
    const draft = await getMemberListDraft(secretariat, draftId, "en");
    const xjtu = draft.rows[0]!.candidates[0]!;
    // A second list whose row names an institution that is gone by the time it is sent: the checks before the batch
    // pass, the batch fails at its second row, after XJTU's request was made in it.
    const gone = await prisma.institution.create({
      data: {
        slug: "upload-test-gone",
        kind: "UNIVERSITY",
        country: "CN",
        names: { create: { locale: "en", name: "Gone U" } },
      },
    });
    const other = await preview(secretariat, "Xi'an Jiaotong University, China\nGone U, China");
    const stored = await prisma.memberListDraft.findUniqueOrThrow({ where: { id: other.id } });
    const rows = stored.rows as {
      candidates: { id: string; slug: string; country: string; matchedName: string; score: number }[];
    }[];
    rows[1]!.candidates = [{ id: gone.id, slug: gone.slug, country: "CN", matchedName: "Gone U", score: 1 }];
    await prisma.memberListDraft.update({ where: { id: other.id }, data: { rows } });
    await prisma.institutionName.deleteMany({ where: { institutionId: gone.id } });
    await prisma.institution.delete({ where: { id: gone.id } });
    const requestCount = () => prisma.changeRequest.count({ where: { organizationId: uasrId } });
    const before = await requestCount();
    const refused = await reviewMemberList(
      secretariat,
      review(other.id, "send", { "0": { pick: xjtu.id }, "1": { pick: gone.id } }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).message).toBe("Line 2 (Gone U) could not be sent; nothing was sent.");
    expect((refused as ValidationError).fieldErrors["rows.1.pick"]).toEqual(["No such institution."]);
    // Nothing stored: no request for XJTU either, and the draft is still unsent (its choices are kept).
    expect(await requestCount()).toBe(before);
    expect((await prisma.memberListDraft.findUniqueOrThrow({ where: { id: other.id } })).sentAt).toBeNull();
  });

  it("sends the kept rows as organization-side requests and a proposed new institution, once", async () => {
    const draft = await getMemberListDraft(secretariat, draftId, "en");
    const rows = {
      "0": { pick: draft.rows[0]!.candidates[0]!.id },
      "1": { pick: draft.rows[1]!.candidates[0]!.id },
      "2": { pick: "none" },
      "3": { pick: draft.rows[3]!.candidates[0]!.id },
      "4": { pick: "new", nameEn: "Université Imaginaire de Nulle Part", nameZh: "虚构大学", country: "fr" },
    };
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atlas.test" } });
    const noticesBefore = await prisma.notification.count({ where: { userId: admin.id } });
    const sent = await reviewMemberList(secretariat, {
      ...review(draftId, "send", rows),
      reason: "Our list as of November 2026",
    });
    expect(sent).toMatchObject({ sent: true, requests: 4, newInstitutions: 1 });
    // Each admin is told once of the list, not once a row (it used to be one notice a row: 126 for UABR's list).
    const notices = await prisma.notification.findMany({
      where: { userId: admin.id },
      orderBy: { createdAt: "desc" },
      take: 2,
    });
    expect((await prisma.notification.count({ where: { userId: admin.id } })) - noticesBefore).toBe(1);
    expect(notices[0]!.message).toMatch(
      /sent University Alliance of the Silk Road’s member list for review: 4 requests/,
    );
    const requests = await prisma.changeRequest.findMany({
      where: { organizationId: uasrId, side: "ORGANIZATION", status: "PENDING" },
      select: { kind: true, institutionId: true, proposed: true, reason: true },
    });
    expect(requests).toHaveLength(4);
    expect(new Set(requests.map((r) => r.reason))).toEqual(new Set(["Our list as of November 2026"]));
    const created = requests.find((r) => r.kind === "INSTITUTION_CREATE")!;
    expect(created.institutionId).toBeNull();
    expect(created.proposed).toMatchObject({
      nameEn: "Université Imaginaire de Nulle Part",
      nameZh: "虚构大学",
      country: "FR",
      website: null,
      membership: { role: "MEMBER", sourceUrl: SOURCE, sourceQuote: "Université Imaginaire de Nulle Part (France)" },
    });
    expect((await prisma.memberListDraft.findUniqueOrThrow({ where: { id: draftId } })).sentAt).not.toBeNull();
    await expect(reviewMemberList(secretariat, review(draftId, "send", rows))).rejects.toThrow(
      "This member list was already sent for review.",
    );
  });

  it("approving a proposed new institution makes it and the organization's membership of it, audited", async () => {
    const admin = await loadActor(prisma, "admin@atlas.test");
    const request = await prisma.changeRequest.findFirstOrThrow({
      where: { organizationId: uasrId, kind: "INSTITUTION_CREATE", status: "PENDING" },
    });
    // The review page reads it field by field: the institution's, then its membership's facts.
    const shown = await getChangeRequest(admin, request.id, "en");
    expect(shown.party).toMatchObject({ kind: "organization", slug: UASR });
    expect(shown.organization.name).toBe("Université Imaginaire de Nulle Part");
    expect(shown.diff.filter((d) => d.changed).map((d) => d.field)).toEqual(
      expect.arrayContaining(["nameEn", "nameZh", "country", "role", "sourceUrl"]),
    );
    expect(shown.diff.map((d) => d.field)).not.toContain("membership");
    await approveChangeRequest(admin, request.id, null);
    const approved = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(approved.status).toBe("APPROVED");
    const institution = await prisma.institution.findUniqueOrThrow({
      where: { id: approved.institutionId! },
      include: { names: true },
    });
    expect(institution).toMatchObject({
      kind: "UNIVERSITY",
      country: "FR",
      slug: "universite-imaginaire-de-nulle-part",
    });
    expect(institution.names.map((n) => `${n.locale}:${n.name}`).sort()).toEqual([
      "en:Université Imaginaire de Nulle Part",
      "zh:虚构大学",
    ]);
    const m = await prisma.membership.findUniqueOrThrow({ where: { id: approved.membershipId! } });
    expect(m).toMatchObject({
      organizationId: uasrId,
      role: "MEMBER",
      organizationRole: "MEMBER",
      organizationStatus: "ACTIVE",
      organizationStatedById: secretariat.id,
      confirmedAt: null,
    });
    expect(m.organizationConfirmedAt).not.toBeNull();
    expect(m.organizationSourceId).toBe(m.sourceId);
    const source = await prisma.source.findUniqueOrThrow({ where: { id: m.sourceId } });
    expect(source).toMatchObject({ url: SOURCE, organizationId: uasrId });
    const audit = await prisma.auditEvent.findMany({
      where: { changeRequestId: request.id },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["institution.create", "membership.create"]);
  });

  it("refuses, recording the conflict, a new institution whose name and country were made meanwhile", async () => {
    const admin = await loadActor(prisma, "admin@atlas.test");
    const request = await prisma.changeRequest.create({
      data: {
        kind: "INSTITUTION_CREATE",
        side: "ORGANIZATION",
        organizationId: uasrId,
        proposedById: secretariat.id,
        proposed: {
          nameEn: "The Chinese University of Hong Kong",
          nameZh: null,
          country: "HK",
          website: null,
          membership: {
            role: "MEMBER",
            status: "ACTIVE",
            joined: null,
            ended: null,
            notes: null,
            sourceUrl: SOURCE,
            sourceTitle: null,
            sourceQuote: null,
          },
        },
      },
    });
    const before = await prisma.institution.count();
    await expect(approveChangeRequest(admin, request.id, null)).rejects.toBeInstanceOf(ConflictError);
    const after = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.status).toBe("PENDING");
    expect(after.conflict).toMatch(/in the registry now/);
    expect(await prisma.institution.count()).toBe(before);
    await prisma.changeRequest.update({ where: { id: request.id }, data: { status: "WITHDRAWN" } });
  });

  it("no wrong user changes anything: a university's staff, another organization's secretariat, a visitor, a \
pending secretariat account", async () => {
    const fresh = await preview(secretariat);
    const draft = await getMemberListDraft(secretariat, fresh.id, "en");
    await secretariatUser(prisma, { email: "upload-other@uabr.test", organizationSlug: UABR });
    await secretariatUser(prisma, { email: "upload-pending@uasr.test", organizationSlug: UASR, staffRole: null });
    const wrong: [string, Actor | null, unknown][] = [
      ["staff", await loadActor(prisma, "staff@cuhk.test"), ForbiddenError],
      ["other organization", await loadActor(prisma, "upload-other@uabr.test"), NotFoundError],
      ["visitor", null, Error],
      ["pending", await loadActor(prisma, "upload-pending@uasr.test"), ForbiddenError],
    ];
    const rows = { "0": { pick: draft.rows[0]!.candidates[0]!.id } };
    for (const [who, actor, error] of wrong) {
      const before = await counts();
      await expect(reviewMemberList(actor, review(fresh.id, "send", rows)), who).rejects.toBeInstanceOf(error);
      await expect(reviewMemberList(actor, review(fresh.id, "save", {})), who).rejects.toBeInstanceOf(error);
      await expect(getMemberListDraft(actor, fresh.id, "en"), who).rejects.toBeInstanceOf(error);
      if (who !== "other organization") await expect(preview(actor), who).rejects.toBeInstanceOf(error);
      expect(await counts(), who).toBe(before);
    }
  });
});
