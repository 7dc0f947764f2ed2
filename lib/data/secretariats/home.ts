import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { requireSecretariat } from "../guards";
import type { Actor } from "../../shared/actor";
import type { ChangeStatus } from "../../shared/enums";
import { pickName } from "../../shared/names";
import type { OwnChangeRequestRow } from "../../shared/types/accounts";

// A secretariat account's own pages (/account): which organization's side it keeps, and the requests its secretariat
// sent on that side. Nothing here reads a university's data: the account has no institution, and the requests are the
// organization's side only (a member university's own statements about the same membership are not theirs to see).

const PAGE_IS_FOR = "This page is for an organization's secretariat.";
const names = { select: { locale: true, name: true, kind: true, validUntil: true } } as const;

/** The organization whose side the secretariat account keeps, for its account home. */
export async function getSecretariatHome(actor: Actor | null, locale: Locale) {
  const me = requireSecretariat(actor, PAGE_IS_FOR, "read");
  const organization = await db().organization.findUniqueOrThrow({
    where: { id: me.organizationId },
    select: { slug: true, acronym: true, names },
  });
  return {
    organization: {
      slug: organization.slug,
      acronym: organization.acronym,
      name: pickName(organization.names, locale).name,
    },
  };
}

/**
 * The organization's side's requests, newest first, optionally of one status, each with its latest event, in the
 * shape of a university's own list. What each is about: the member concerned, a proposed new institution, or the
 * organization's own profile.
 */
export async function listMyOrganizationRequests(
  actor: Actor | null,
  locale: Locale,
  status?: ChangeStatus,
): Promise<OwnChangeRequestRow[]> {
  const me = requireSecretariat(actor, PAGE_IS_FOR, "read");
  const rows = await db().changeRequest.findMany({
    where: { organizationId: me.organizationId, side: "ORGANIZATION", ...(status ? { status } : {}) },
    select: {
      id: true,
      kind: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      conflict: true,
      proposed: true,
      decisionComment: true,
      membershipId: true,
      institution: { select: { names: { select: { locale: true, name: true, kind: true } } } },
      organization: { select: { slug: true, names } },
      proposedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
      comments: {
        select: { createdAt: true, author: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((r) => {
    const organization = r.organization
      ? { slug: r.organization.slug, name: pickName(r.organization.names, locale).name }
      : { slug: "", name: "—" };
    const proposedName = (r.proposed as { nameEn?: string } | null)?.nameEn;
    // What each is about, as the review queue words an organization's statement (change-requests/queries.ts).
    const about = r.institution
      ? { slug: null, name: pickName(r.institution.names, locale).name }
      : r.kind === "INSTITUTION_CREATE"
        ? { slug: null, name: proposedName ?? "—" }
        : { slug: organization.slug as string | null, name: organization.name };
    const comment = r.comments[0];
    const decided = r.status !== "PENDING" && r.decidedAt ? r.decidedAt : null;
    const latest =
      decided && (!comment || decided >= comment.createdAt)
        ? {
            kind: "decision" as const,
            status: r.status,
            at: decided.toISOString(),
            by: r.status === "WITHDRAWN" ? r.proposedBy.name : (r.decidedBy?.name ?? null),
          }
        : comment
          ? { kind: "comment" as const, status: null, at: comment.createdAt.toISOString(), by: comment.author.name }
          : null;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      conflict: r.conflict,
      party: { kind: "organization" as const, ...organization },
      organization: about,
      proposedBy: r.proposedBy.name,
      decisionComment: r.decisionComment,
      membershipId: r.membershipId,
      latest,
    };
  });
}
