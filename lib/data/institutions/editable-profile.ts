import "server-only";
import { db } from "../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../shared/actor";
import { ForbiddenError, NotFoundError } from "../../shared/errors";
import type { InstitutionProfileValues } from "../../validation/institutions";
import { requireActor } from "../guards";

// An institution's profile as its edit form shows it: read for the form, for a proposal's "before" and for an
// admin's direct edit.

const citedBy = { select: { url: true, title: true } } as const;

export const institutionProfileSelect = {
  version: true,
  city: true,
  website: true,
  rorId: true,
  wikidataId: true,
  // What each current value rests on: a change must cite something else (change-requests/profile-sources.ts).
  citySource: citedBy,
  cityQuote: true,
  websiteSource: citedBy,
  websiteQuote: true,
  rorSource: citedBy,
  rorQuote: true,
  wikidataSource: citedBy,
  wikidataQuote: true,
  names: { where: { kind: "OFFICIAL" }, select: { locale: true, name: true, quote: true, source: citedBy } },
} satisfies Prisma.InstitutionSelect;

export function profileOf(
  i: Prisma.InstitutionGetPayload<{ select: typeof institutionProfileSelect }>,
): InstitutionProfileValues {
  return {
    nameEn: i.names.find((n) => n.locale === "en")?.name ?? "",
    nameZh: i.names.find((n) => n.locale === "zh")?.name ?? null,
    city: i.city,
    website: i.website,
    rorId: i.rorId,
    wikidataId: i.wikidataId,
  };
}

/** The current profile of an institution, for its edit form. Staff: their own; admins: any. */
export async function getInstitutionProfile(actor: Actor | null, slug: string | null) {
  const reader = requireActor(actor);
  const where = reader.role === "ADMIN" && slug ? { slug } : reader.institutionId ? { id: reader.institutionId } : null;
  if (!where) throw new ForbiddenError();
  const i = await db().institution.findUnique({
    where,
    select: {
      slug: true,
      ...institutionProfileSelect,
      changeRequests: { where: { status: "PENDING", kind: "INSTITUTION_UPDATE" }, select: { id: true } },
    },
  });
  if (!i) throw new NotFoundError("No such institution.");
  return { slug: i.slug, version: i.version, values: profileOf(i), pendingId: i.changeRequests[0]?.id ?? null };
}
