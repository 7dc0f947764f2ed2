import "server-only";
import { db } from "../db";
import { institutionCreatedTags, organizationCreatedTags, organizationEditedTags } from "../../cache/tag-rules";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import type { Prisma } from "../../generated/prisma/client";
import { DuplicateRecordError, NotFoundError, StaleVersionError, ValidationError } from "../../shared/errors";
import { fromStoredDate, toStoredDate } from "../../shared/dates";
import { isCountryCode } from "../../shared/countries";
import { slugify } from "../../shared/slug";
import { buildSearchText } from "../../shared/search-text";
import type { InstitutionProfileValues } from "../../validation/institutions";
import type { AdminOrganizationValues, CitedOrganizationProfile } from "../../validation/organizations";
import { createCitedSource, createOrganizationRecord } from "../change-requests/apply";
import { refreshOrganizationDerived } from "../organizations/derived";
import { pickName } from "../../shared/names";
import { recordAudit } from "../audit";
import { findFreeSlug, replaceOfficialNames } from "../record-names";

/** Admins: add an institution (e.g. before inviting its staff). Audited. */
export async function adminCreateInstitution(
  actor: Actor | null,
  input: { kind: Prisma.InstitutionCreateInput["kind"]; country: string; values: InstitutionProfileValues },
) {
  const admin = requireAdmin(actor, "Only admins edit records directly.");
  if (!isCountryCode(input.country))
    throw new ValidationError("Unknown country or region.", { country: ["Unknown country or region code."] });
  const base = slugify(input.values.nameEn);
  if (!base)
    throw new ValidationError("The English name needs Latin letters for the address.", {
      "values.nameEn": ["Use Latin letters."],
    });
  if (
    await db().institutionName.findFirst({
      where: { name: { equals: input.values.nameEn, mode: "insensitive" } },
      select: { id: true },
    })
  ) {
    throw new DuplicateRecordError("An institution with this name is already in the registry.");
  }
  const slug = await findFreeSlug(db(), "institution", base);
  const v = input.values;
  const institution = await db().$transaction(async (tx) => {
    const created = await tx.institution.create({
      data: {
        slug,
        kind: input.kind,
        country: input.country,
        city: v.city,
        website: v.website,
        rorId: v.rorId,
        wikidataId: v.wikidataId,
        searchText: buildSearchText([v.nameEn, v.nameZh, v.city]),
        names: { create: [{ locale: "en", name: v.nameEn }, ...(v.nameZh ? [{ locale: "zh", name: v.nameZh }] : [])] },
      },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      event: "institution.create",
      entityId: created.id,
      actorId: admin.id,
      after: { ...v, kind: input.kind, country: input.country },
    });
    return created;
  });
  return { slug: institution.slug, tags: institutionCreatedTags(institution.slug) };
}

/** Admins: add an organization outside any proposal (members are added by their institutions' staff). Audited. */
export async function adminCreateOrganization(actor: Actor | null, input: { values: CitedOrganizationProfile }) {
  const admin = requireAdmin(actor, "Only admins edit records directly.");
  const v = input.values;
  if (!slugify(v.nameEn))
    throw new ValidationError("The English name needs Latin letters for the address.", {
      "values.nameEn": ["Use Latin letters."],
    });
  const organization = await db().$transaction(async (tx) => {
    const same = await tx.organizationName.findFirst({
      where: { name: { equals: v.nameEn, mode: "insensitive" } },
      select: { organization: { select: { slug: true } } },
    });
    if (same)
      throw new DuplicateRecordError(
        `An organization with this name is already in the registry: ${same.organization.slug}.`,
      );
    const source = await createCitedSource(tx, `admin-${crypto.randomUUID()}`, "Alliance Atlas editors", v, new Date());
    const created = await createOrganizationRecord(tx, v, source.id);
    await recordAudit(tx, { event: "organization.create", entityId: created.id, actorId: admin.id, after: v });
    await refreshOrganizationDerived(tx, [created.id]);
    return created;
  });
  return { slug: organization.slug, tags: organizationCreatedTags(organization.slug) };
}

/** The current profile of an organization, for the admins' edit form. */
export async function getOrganizationProfile(actor: Actor | null, slug: string) {
  requireAdmin(actor, "Only admins edit records directly.");
  const o = await db().organization.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      version: true,
      kind: true,
      acronym: true,
      website: true,
      wikidataId: true,
      introduction: true,
      foundedOn: true,
      foundedPrecision: true,
      names: { where: { kind: "OFFICIAL", validUntil: null }, select: { locale: true, name: true } },
    },
  });
  if (!o) throw new NotFoundError("No such organization.");
  const values: AdminOrganizationValues = {
    nameEn: o.names.find((n) => n.locale === "en")?.name ?? "",
    nameZh: o.names.find((n) => n.locale === "zh")?.name ?? null,
    acronym: o.acronym,
    kind: o.kind,
    founded: fromStoredDate(o.foundedOn, o.foundedPrecision),
    website: o.website,
    introduction: o.introduction,
    wikidataId: o.wikidataId,
  };
  return { id: o.id, slug: o.slug, version: o.version, values };
}

/** An organization's members for the admins' "record the organization's confirmation" form. */
export async function listOrganizationMembersForAdmin(actor: Actor | null, slug: string) {
  requireAdmin(actor, "Only admins record an organization's confirmation.");
  const rows = await db().membership.findMany({
    where: { organization: { slug } },
    select: {
      id: true,
      organizationConfirmedAt: true,
      institution: { select: { names: { select: { locale: true, name: true, kind: true } } } },
    },
    take: 5000,
  });
  return rows
    .map((m) => ({
      id: m.id,
      name: pickName(m.institution.names, "en").name,
      confirmedByOrganization: Boolean(m.organizationConfirmedAt),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Admins: edit an organization's profile directly, version-guarded and audited. Returns the tags to expire. */
export async function adminUpdateOrganization(
  actor: Actor | null,
  input: { organizationSlug: string; baseVersion: number; values: AdminOrganizationValues },
) {
  const admin = requireAdmin(actor, "Only admins edit records directly.");
  const current = await getOrganizationProfile(admin, input.organizationSlug);
  const v = input.values;
  if (v.wikidataId) {
    const taken = await db().organization.findFirst({
      where: { wikidataId: v.wikidataId, id: { not: current.id } },
      select: { slug: true },
    });
    if (taken) throw new DuplicateRecordError(`That Wikidata item already belongs to ${taken.slug}.`);
  }
  const founded = v.founded ? toStoredDate(v.founded) : null;
  await db().$transaction(async (tx) => {
    const others = await tx.organizationName.findMany({
      where: { organizationId: current.id, NOT: { kind: "OFFICIAL", validUntil: null } },
      select: { name: true },
    });
    const updated = await tx.organization.updateMany({
      where: { id: current.id, version: input.baseVersion },
      data: {
        kind: v.kind,
        acronym: v.acronym,
        website: v.website,
        introduction: v.introduction,
        introductionLocale: v.introduction ? "en" : null,
        ...(v.wikidataId !== undefined ? { wikidataId: v.wikidataId } : {}),
        foundedOn: founded?.date ?? null,
        foundedPrecision: founded?.precision ?? null,
        version: { increment: 1 },
        searchText: buildSearchText([v.nameEn, v.nameZh, v.acronym, ...others.map((n) => n.name), v.introduction]),
      },
    });
    if (updated.count === 0)
      throw new StaleVersionError("The organization changed since you opened it: reload and edit the current values.");
    await replaceOfficialNames(tx, { organizationId: current.id, acronym: v.acronym }, v);
    await recordAudit(tx, {
      event: "organization.update",
      entityId: current.id,
      actorId: admin.id,
      before: current.values,
      after: v,
    });
  });
  return organizationEditedTags(current.slug);
}
