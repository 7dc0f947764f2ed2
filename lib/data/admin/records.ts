import "server-only";
import { db } from "../db";
import { tags } from "../../cache/read-cache";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import { Prisma } from "../../generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "../../shared/errors";
import { fromStoredDate, toStoredDate } from "../../shared/dates";
import { isCountryCode } from "../../shared/countries";
import { slugify } from "../../shared/slug";
import { buildSearchText } from "../../shared/search-text";
import type { InstitutionProfileValues } from "../../validation/institutions";
import type { AdminOrganizationValues, CitedOrganizationProfile } from "../../validation/organizations";
import { createCitedSource, createOrganizationRecord } from "../change-requests/apply";
import { refreshOrganizationDerived } from "../organizations/derived";
import { pickName } from "../../shared/names";

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
    throw new ConflictError("An institution with this name is already in the registry.");
  }
  let slug = base;
  for (let n = 2; await db().institution.findUnique({ where: { slug }, select: { id: true } }); n++)
    slug = `${base}-${n}`;
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
    await tx.auditEvent.create({
      data: {
        action: "institution.create",
        entityType: "Institution",
        entityId: created.id,
        actorId: admin.id,
        after: { ...v, kind: input.kind, country: input.country },
      },
    });
    return created;
  });
  // Its address may have been asked for before it existed: that "not found" is cached under its tag.
  return { slug: institution.slug, tags: [tags.institutions, tags.institution(institution.slug), tags.registry] };
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
      throw new ConflictError(`An organization with this name is already in the registry: ${same.organization.slug}.`);
    const source = await createCitedSource(tx, `admin-${crypto.randomUUID()}`, "Alliance Atlas editors", v);
    const created = await createOrganizationRecord(tx, v, source.id);
    await tx.auditEvent.create({
      data: {
        action: "organization.create",
        entityType: "Organization",
        entityId: created.id,
        actorId: admin.id,
        after: v as unknown as Prisma.InputJsonValue,
      },
    });
    await refreshOrganizationDerived(tx, [created.id]);
    return created;
  });
  return {
    slug: organization.slug,
    tags: [tags.organizations, tags.organization(organization.slug), tags.registry, tags.pages],
  };
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
    if (taken) throw new ConflictError(`That Wikidata item already belongs to ${taken.slug}.`);
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
      throw new ConflictError("The organization changed since you opened it: reload and edit the current values.");
    for (const [locale, name] of [
      ["en", v.nameEn],
      ["zh", v.nameZh],
    ] as const) {
      await tx.organizationName.deleteMany({
        where: { organizationId: current.id, locale, kind: "OFFICIAL", validUntil: null },
      });
      if (name)
        await tx.organizationName.create({
          data: {
            organizationId: current.id,
            locale,
            name,
            kind: "OFFICIAL",
            acronym: locale === "en" ? v.acronym : null,
          },
        });
    }
    await tx.auditEvent.create({
      data: {
        action: "organization.update",
        entityType: "Organization",
        entityId: current.id,
        actorId: admin.id,
        before: current.values as unknown as Prisma.InputJsonValue,
        after: v as unknown as Prisma.InputJsonValue,
      },
    });
  });
  return [tags.organizations, tags.organization(current.slug), tags.registry, tags.institutions, tags.pages];
}
