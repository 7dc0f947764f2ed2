import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { NotFoundError } from "../../shared/errors";
import { fromStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { requireSecretariat, requireStaff } from "../guards";
import { confirmationOf, confirmationSelect, institutionNameSelect, organizationNameSelect } from "../selects";
import { organizationSnapshot } from "./propose-member-change";

// What each side sees of the two sides on its own account pages: a university's staff, the memberships where its
// organization states otherwise; a secretariat, its organization's members with each one's two-side state.

const withSides = {
  ...confirmationSelect,
  id: true,
  version: true,
  organizationSource: { select: { key: true, title: true, publisher: true, url: true, seenOn: true } },
} as const;

/** A university's staff: its memberships whose organization's side disagrees with its own (the dashboard's list). */
export async function listOrganizationDisagreements(actor: Actor | null, locale: Locale) {
  const staff = requireStaff(actor, "This page is for a university's staff.", "read");
  // An institution has a few dozen memberships at most: compared here, as the public rows compare them.
  const rows = await db().membership.findMany({
    where: { institutionId: staff.institutionId, confirmedAt: { not: null }, organizationConfirmedAt: { not: null } },
    select: { ...withSides, organization: { select: { slug: true, names: organizationNameSelect } } },
    orderBy: { organization: { slug: "asc" } },
  });
  return rows.flatMap((m) => {
    const confirmation = confirmationOf(m);
    if (confirmation.state !== "DISAGREE") return [];
    const organization = { slug: m.organization.slug, name: pickName(m.organization.names, locale).name };
    return [{ membershipId: m.id, organization, confirmation }];
  });
}

const PENDING_OWN_SIDE = { where: { side: "ORGANIZATION", status: "PENDING" }, select: { id: true } } as const;

/** A secretariat: its organization and each member it lists, with where the member's two sides stand. */
export async function getOrganizationMemberList(actor: Actor | null, locale: Locale) {
  const secretariat = requireSecretariat(actor, "This page is for an organization's secretariat.", "read");
  const organization = await db().organization.findUniqueOrThrow({
    where: { id: secretariat.organizationId },
    select: {
      slug: true,
      names: organizationNameSelect,
      memberships: {
        select: {
          ...withSides,
          institution: { select: { slug: true, names: institutionNameSelect } },
          changeRequests: PENDING_OWN_SIDE,
        },
        orderBy: { institution: { slug: "asc" } },
      },
    },
  });
  return {
    organization: { slug: organization.slug, name: pickName(organization.names, locale).name },
    members: organization.memberships.map((m) => ({
      id: m.id,
      institution: { slug: m.institution.slug, name: pickName(m.institution.names, locale).name },
      role: m.role,
      status: m.status,
      joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
      confirmation: confirmationOf(m),
      pendingRequestId: m.changeRequests[0]?.id ?? null,
    })),
  };
}

/** A secretariat: one member its organization lists, with the organization's side as its forms start from. */
export async function getOrganizationMember(actor: Actor | null, membershipId: string, locale: Locale) {
  const secretariat = requireSecretariat(actor, "This page is for an organization's secretariat.", "read");
  const m = await db().membership.findFirst({
    where: { id: membershipId, organizationId: secretariat.organizationId },
    select: {
      ...withSides,
      id: true,
      institutionId: true,
      organizationId: true,
      organizationSource: { select: { url: true, title: true, seenOn: true } },
      institution: { select: { slug: true, names: institutionNameSelect } },
    },
  });
  if (!m) throw new NotFoundError("No such member of your organization.");
  return {
    id: m.id,
    version: m.version,
    institution: { slug: m.institution.slug, name: pickName(m.institution.names, locale).name },
    /** What the organization states now; else the entry's facts, which a first statement starts from. */
    stated: organizationSnapshot(m),
    entry: {
      role: m.role,
      status: m.status,
      joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
      ended: fromStoredDate(m.endedOn, m.endedPrecision),
    },
  };
}
