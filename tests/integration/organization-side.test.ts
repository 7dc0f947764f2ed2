import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposeOrganizationMember } from "@/lib/data/organization-side/propose-member";
import { proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { getChangeRequest, listMyInstitutionRequests } from "@/lib/data/change-requests/queries";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/shared/errors";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { secretariatUser } from "../support/secretariats";

// The organization's side (issue 16): a secretariat states its organization's members through review, and neither
// side's pending statement stands in the other's way.

useWriteDatabase();
const prisma = testPrisma();
const UASR = "university-alliance-of-the-silk-road";
const CUHK = "chinese-university-of-hong-kong";

const values = (joined: string, quote: string) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined,
    ended: "",
    notes: "",
    sourceUrl: "https://uasr.example.org/members",
    sourceTitle: "UASR members",
    sourceQuote: quote,
  });

let cuhkId = "";
beforeAll(async () => {
  cuhkId = (await prisma.institution.findUniqueOrThrow({ where: { slug: CUHK } })).id;
  await secretariatUser(prisma, { email: "side-manager@uasr.test", organizationSlug: UASR });
});
afterAll(() => prisma.$disconnect());

describe("the organization's side of a membership", () => {
  it(`a secretariat's statement about an existing member is an organization-side request that only it and admins \
read`, async () => {
    const secretariat = await loadActor(prisma, "side-manager@uasr.test");
    const created = await proposeOrganizationMember(secretariat, {
      institutionId: cuhkId,
      reason: null,
      values: values("2016", "The Chinese University of Hong Kong (2016)"),
    });
    const row = await prisma.changeRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ side: "ORGANIZATION", kind: "MEMBERSHIP_UPDATE", institutionId: cuhkId });
    expect(row.membershipId).not.toBeNull();

    // CUHK's own staff do not see the secretariat's request as theirs; the secretariat does.
    const cuhkStaff = await loadActor(prisma, "staff@cuhk.test");
    await expect(getChangeRequest(cuhkStaff, created.id, "en")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyInstitutionRequests(cuhkStaff, "en")).some((r) => r.id === created.id)).toBe(false);

    // The organization's pending statement never blocks the university's own proposal about the same entry.
    const m = await prisma.membership.findUniqueOrThrow({ where: { id: row.membershipId! } });
    const own = await proposeMembershipUpdate(cuhkStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values("2016-05", "CUHK joined the UASR in May 2016"),
    });
    expect(own.status).toBe("PENDING");
  });

  it(`a university's staff, a visitor and a pending secretariat account cannot state the organization's \
side`, async () => {
    const before = await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } });
    const input = { institutionId: cuhkId, reason: null, values: values("2017", "Listed") };
    await expect(proposeOrganizationMember(await loadActor(prisma, "staff@cuhk.test"), input)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(proposeOrganizationMember(null, input)).rejects.toThrow();
    await secretariatUser(prisma, { email: "side-pending@uasr.test", organizationSlug: UASR, staffRole: null });
    await expect(
      proposeOrganizationMember(await loadActor(prisma, "side-pending@uasr.test"), input),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } })).toBe(before);
  });

  it(`a statement without the organization's source is refused with the field named, and nothing is \
stored`, async () => {
    const before = await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } });
    const secretariat = await loadActor(prisma, "side-manager@uasr.test");
    const nmu = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
    const unsourced = { ...values("2018", "x"), sourceUrl: null };
    const error = await proposeOrganizationMember(secretariat, {
      institutionId: nmu.id,
      reason: null,
      values: unsourced,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toHaveProperty(["values.sourceUrl"]);
    expect(await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } })).toBe(before);
  });

  it(`one account is on one side only: the database refuses an account of both an institution and an \
organization`, async () => {
    const uasr = await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } });
    await expect(
      prisma.user.update({ where: { email: "side-manager@uasr.test" }, data: { institutionId: cuhkId } }),
    ).rejects.toThrow(/not both/);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "side-manager@uasr.test" } })).organizationId).toBe(
      uasr.id,
    );
  });
});
