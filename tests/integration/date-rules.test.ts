// Dates as staff enter them (issue 13 §1): a future date is refused everywhere a date is entered and nothing
// changes; a joined date before the organization's founding is let through with a warning, returned to the
// proposer and shown on the review page; the importer says where it cut.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { rejectChangeRequest } from "@/lib/data/change-requests/decide";
import { getChangeRequest } from "@/lib/data/change-requests/queries";
import { proposeMembershipCreate, proposeOrganizationCreate } from "@/lib/data/change-requests/propose";
import { MAX_CANDIDATES, getImportDraft, previewImport } from "@/lib/data/import/drafts";
import { submitImport } from "@/lib/data/import/submit";
import { ValidationError } from "@/lib/shared/errors";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { organizationProposalSchema } from "@/lib/validation/organizations";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
let admin: Actor;
let nmuStaff: Actor;
let cuhkStaff: Actor;
const actor = (email: string) => loadActor(prisma, email);
// Founded "2000" (prisma/seed-data/organizations.json); CUHK is not a member of it.
const EPU = "eurasia-pacific-uninet";

const membershipForm = (joined: string, ended = "") => ({
  role: "MEMBER",
  status: "ACTIVE",
  joined,
  ended,
  notes: "",
  sourceUrl: "https://example.org/cuhk",
  sourceTitle: "",
  sourceQuote: "",
});

/** Everything a refused write could have touched. */
const snapshot = async () => ({
  requests: await prisma.changeRequest.count(),
  organizations: await prisma.organization.findMany({ select: { slug: true, version: true, foundedOn: true } }),
  memberships: await prisma.membership.count(),
});

beforeAll(async () => {
  [admin, nmuStaff, cuhkStaff] = await Promise.all([
    actor("admin@atlas.test"),
    actor("staff@njmu.test"),
    actor("staff@cuhk.test"),
  ]);
});
afterAll(() => prisma.$disconnect());

describe("a future date is refused wherever one is entered, beside its field, and nothing changes", () => {
  it("a staff proposal of a new membership joined 2099-01-01, in Chinese; an end date in the future", async () => {
    const before = await snapshot();
    const raw = { locale: "zh", organizationSlug: EPU, reason: "", values: membershipForm("2099-01-01") };
    const { state } = await runDefinition(actions.proposeMembershipCreate!, cuhkStaff, raw, "zh");
    expect(state.ok).toBe(false);
    expect(state.fieldErrors["values.joined"]).toEqual([
      "2099年1月1日是将来的日期：请按来源的写法填写实际发生的日期。",
    ]);
    const ended = await runDefinition(
      actions.proposeMembershipCreate!,
      cuhkStaff,
      { organizationSlug: EPU, reason: "", values: { ...membershipForm("2016", "Dec 2099"), status: "WITHDRAWN" } },
      "en",
    );
    expect(ended.state.fieldErrors["values.ended"]).toEqual([
      "December 2099 is in the future: give the date it happened, as your source writes it.",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("an organization proposal founded in the future, and an admin's direct edit of a founding date", async () => {
    const before = await snapshot();
    const proposal = await runDefinition(
      actions.proposeOrganizationCreate!,
      nmuStaff,
      {
        reason: "",
        values: {
          nameEn: "Alliance of Tomorrow",
          kind: "ALLIANCE",
          founded: "2099",
          role: "MEMBER",
          joined: "",
          sourceUrl: "https://example.org/nmu",
        },
      },
      "en",
    );
    expect(proposal.state.fieldErrors["values.founded"]).toEqual([
      "2099 is in the future: give the date it happened, as your source writes it.",
    ]);
    const epu = await prisma.organization.findUniqueOrThrow({ where: { slug: EPU }, select: { version: true } });
    const edit = await runDefinition(
      actions.adminUpdateOrganization!,
      admin,
      {
        organizationSlug: EPU,
        baseVersion: String(epu.version),
        values: { nameEn: "Eurasia-Pacific Uninet", kind: "NETWORK", founded: "1 January 2099" },
      },
      "en",
    );
    expect(edit.state.fieldErrors["values.founded"]).toEqual([
      "Jan 1, 2099 is in the future: give the date it happened, as your source writes it.",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("an importer's row dated in the future is refused beside its row, and nothing is sent", async () => {
    const page = ["Eurasia-Pacific Uninet", "", "The network of universities.", "", "2010, Member"].join("\n");
    const r = await previewImport(cuhkStaff, { text: page, sourceUrl: "https://example.org/cuhk", sourceTitle: null });
    const before = await snapshot();
    const refused = await submitImport(
      cuhkStaff,
      { draftId: r.id, rows: { "0": { include: "on", role: "MEMBER", joined: "2099" } } },
      "zh",
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors["rows.0.joined"]).toEqual([
      "2099年是将来的日期：请按来源的写法填写实际发生的日期。",
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("a joined date before the organization's founding is let through with a warning", () => {
  it("is returned to the proposer and shown on the review page, compared at the coarser precision", async () => {
    const values = membershipValuesSchema.parse(membershipForm("Dec 1999"));
    const request = await proposeMembershipCreate(cuhkStaff, { organizationSlug: EPU, reason: null, values });
    const warning = {
      code: "joinedBeforeFounding",
      joined: { iso: "1999-12", precision: "MONTH" },
      founded: { iso: "2000", precision: "YEAR" },
    };
    expect(request.warnings).toEqual([warning]);
    expect((await getChangeRequest(admin, request.id, "en")).warnings).toEqual([warning]);
    expect((await getChangeRequest(cuhkStaff, request.id, "en")).warnings).toEqual([warning]);
    await rejectChangeRequest(admin, request.id, "Test over");

    // "May 2000" is not before a founding in "2000": the coarser precision is the year.
    const sameYear = await proposeMembershipCreate(cuhkStaff, {
      organizationSlug: EPU,
      reason: null,
      values: membershipValuesSchema.parse(membershipForm("May 2000")),
    });
    expect(sameYear.warnings).toEqual([]);
    expect((await getChangeRequest(admin, sameYear.id, "en")).warnings).toEqual([]);
    await rejectChangeRequest(admin, sameYear.id, "Test over");
  });

  it("a new organization proposed with a joined date before its own founding", async () => {
    const values = organizationProposalSchema.parse({
      nameEn: "Alliance Founded Later",
      nameZh: "",
      acronym: "",
      kind: "ALLIANCE",
      founded: "Nov 11, 2019",
      website: "",
      introduction: "",
      role: "FOUNDING_MEMBER",
      joined: "2018",
      sourceUrl: "https://example.org/nmu",
      sourceTitle: "",
      sourceQuote: `Our page says so (${Math.random().toString(36).slice(2)})`,
    });
    const request = await proposeOrganizationCreate(nmuStaff, { reason: null, values });
    expect(request.warnings).toEqual([
      {
        code: "joinedBeforeFounding",
        joined: { iso: "2018", precision: "YEAR" },
        founded: { iso: "2019-11-11", precision: "DAY" },
      },
    ]);
    expect((await getChangeRequest(admin, request.id, "zh")).warnings).toHaveLength(1);
    await rejectChangeRequest(admin, request.id, "Test over");
  });
});

describe("the importer says where it cut", () => {
  it("flags a row whose passage is longer than a source's quote keeps", async () => {
    // A CSV row's passage is its whole line: a long notes column takes it past what a quote keeps.
    const long = "The network of universities grew. ".repeat(70);
    const page = `Organization,Joined,Role,Notes\nEurasia-Pacific Uninet,2010,Member,${long}\n`;
    const r = await previewImport(cuhkStaff, { text: page, sourceUrl: "https://example.org/cuhk", sourceTitle: null });
    const draft = await getImportDraft(cuhkStaff, r.id, "en");
    const row = draft.rows.find((x) => x.match?.slug === EPU)!;
    expect(row.passage!.length).toBeGreaterThan(2000);
    expect(row.passageCut).toBe(true);
    expect(draft.cuts).toMatchObject({ quoteMax: 2000, namesConsidered: MAX_CANDIDATES });
    expect(draft.cuts.namesFound).toBeLessThanOrEqual(MAX_CANDIDATES);
  });

  it("counts the names a page gave beyond the ones looked up", async () => {
    const names = Array.from({ length: MAX_CANDIDATES + 50 }, (_, i) => `Network Number ${i + 1} Alliance,2010`);
    const page = ["Organization,Joined", "Eurasia-Pacific Uninet,2010", ...names].join("\n");
    const r = await previewImport(cuhkStaff, { text: page, sourceUrl: "https://example.org/cuhk", sourceTitle: null });
    const draft = await getImportDraft(cuhkStaff, r.id, "en");
    expect(draft.cuts.namesFound).toBeGreaterThan(MAX_CANDIDATES);
  });
});
