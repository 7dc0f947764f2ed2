import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { NotFoundError } from "../../shared/errors";
import { fromStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { requireStaff } from "../guards";
import { membershipSnapshotSelect, snapshotOf } from "../change-requests/diff";
import { needsConfirmation } from "../../shared/reconfirmation";

const orgNames = { select: { locale: true, name: true, kind: true, validUntil: true } } as const;

const staffInstitution = (actor: Actor | null) =>
  requireStaff(actor, "This page is for a university's staff.", "read").institutionId;

/** "My university": the institution's memberships (approved values) with any pending change beside them. */
export async function getStaffDashboard(actor: Actor | null, locale: Locale) {
  const institutionId = staffInstitution(actor);
  const institution = await db().institution.findUniqueOrThrow({
    where: { id: institutionId },
    select: {
      slug: true,
      names: { select: { locale: true, name: true, kind: true } },
      memberships: {
        select: {
          id: true,
          version: true,
          role: true,
          status: true,
          joinedOn: true,
          joinedPrecision: true,
          updatedAt: true,
          confirmedAt: true,
          organization: { select: { slug: true, acronym: true, names: orgNames } },
          changeRequests: { where: { status: "PENDING" }, select: { id: true, kind: true, createdAt: true } },
        },
        orderBy: { organization: { slug: "asc" } },
      },
      changeRequests: {
        where: { status: "PENDING", kind: { in: ["MEMBERSHIP_CREATE", "ORGANIZATION_CREATE"] } },
        select: {
          id: true,
          createdAt: true,
          proposed: true,
          organization: { select: { slug: true, names: orgNames } },
        },
      },
    },
  });
  return {
    institution: { slug: institution.slug, name: pickName(institution.names, locale).name },
    memberships: institution.memberships.map((m) => ({
      id: m.id,
      version: m.version,
      role: m.role,
      status: m.status,
      joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
      updatedAt: m.updatedAt.toISOString(),
      confirmedOn: m.confirmedAt?.toISOString().slice(0, 10) ?? null,
      needsConfirmation: needsConfirmation(m.confirmedAt),
      organization: {
        slug: m.organization.slug,
        acronym: m.organization.acronym,
        name: pickName(m.organization.names, locale).name,
      },
      pending: m.changeRequests.map((c) => ({ id: c.id, kind: c.kind, createdAt: c.createdAt.toISOString() })),
    })),
    pendingNew: institution.changeRequests.map((c) => ({
      id: c.id,
      createdAt: c.createdAt.toISOString(),
      organization: {
        name: c.organization
          ? pickName(c.organization.names, locale).name
          : ((c.proposed as { nameEn?: string }).nameEn ?? "—"),
      },
    })),
  };
}

/** One of the staff member's own institution's memberships, with its current values for the edit form. */
export async function getOwnMembershipForEdit(actor: Actor | null, membershipId: string, locale: Locale) {
  const institutionId = staffInstitution(actor);
  const m = await db().membership.findFirst({
    where: { id: membershipId, institutionId },
    select: {
      ...membershipSnapshotSelect,
      organization: { select: { slug: true, names: orgNames } },
      changeRequests: { where: { status: "PENDING" }, select: { id: true } },
    },
  });
  if (!m) throw new NotFoundError("No such membership of your institution.");
  return {
    id: m.id,
    version: m.version,
    values: snapshotOf(m),
    organization: { slug: m.organization.slug, name: pickName(m.organization.names, locale).name },
    pendingId: m.changeRequests[0]?.id ?? null,
  };
}
