import "server-only";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { NotFoundError } from "../../shared/errors";
import type { Prisma } from "../../generated/prisma/client";
import {
  openInstitutionSelect,
  openMembershipSelect,
  openOrganizationSelect,
  toOpenInstitution,
  toOpenMembership,
  toOpenOrganization,
  type OpenInstitution,
  type OpenMembership,
  type OpenOrganization,
} from "./records";

export type { OpenInstitution, OpenMembership, OpenOrganization } from "./records";

/** The approved dataset, whole or one organization's or institution's slice. */
export type OpenDataset = {
  scope: { kind: "all" } | { kind: "organization" | "institution"; slug: string; name: string };
  /** The last change to any record in the dataset: its version for ETags and the files' dateModified. */
  modifiedAt: string;
  organizations: OpenOrganization[];
  institutions: OpenInstitution[];
  memberships: OpenMembership[];
};

export type DatasetScope = { kind: "all" } | SliceScope;
/** One organization's or institution's slice of the dataset (what a record's download holds). */
export type SliceScope = { kind: "organization" | "institution"; slug: string };

// biome-ignore lint/complexity/useMathMinMax: ISO timestamps compared as text (Math.max would give NaN)
const latest = (dates: string[]) => dates.reduce((a, b) => (a > b ? a : b), "1970-01-01T00:00:00.000Z");

/**
 * Load the dataset at once. A slice holds the memberships of the organization (or institution) and the records on
 * both sides of them. The whole dataset this way is for tests (the reference the streamed files are held to): the
 * downloads and releases read it in batches (dataset-batches.ts), since at world scale it is hundreds of MB.
 */
export async function loadOpenDataset(scope: DatasetScope): Promise<OpenDataset> {
  let membershipWhere: Prisma.MembershipWhereInput = {};
  let name = "";
  if (scope.kind === "organization") {
    const o = await db().organization.findUnique({ where: { slug: scope.slug }, select: openOrganizationSelect });
    if (!o) throw new NotFoundError(`No organization has the slug "${scope.slug}".`);
    membershipWhere = { organization: { slug: scope.slug } };
    name = toOpenOrganization(o).name.en;
  } else if (scope.kind === "institution") {
    const i = await db().institution.findUnique({ where: { slug: scope.slug }, select: openInstitutionSelect });
    if (!i) throw new NotFoundError(`No institution has the slug "${scope.slug}".`);
    membershipWhere = { institution: { slug: scope.slug } };
    name = toOpenInstitution(i).name.en;
  }
  const memberships = (
    await db().membership.findMany({ where: membershipWhere, select: openMembershipSelect, orderBy: { id: "asc" } })
  ).map(toOpenMembership);
  const orgSlugs =
    scope.kind === "organization" ? [scope.slug] : [...new Set(memberships.map((m) => m.organization.slug))];
  const instSlugs =
    scope.kind === "institution" ? [scope.slug] : [...new Set(memberships.map((m) => m.institution.slug))];
  const [organizations, institutions] = await Promise.all([
    db().organization.findMany({
      where: scope.kind === "all" ? {} : { slug: { in: orgSlugs } },
      select: openOrganizationSelect,
      orderBy: { slug: "asc" },
    }),
    db().institution.findMany({
      where: scope.kind === "all" ? {} : { slug: { in: instSlugs } },
      select: openInstitutionSelect,
      orderBy: { slug: "asc" },
    }),
  ]);
  const openOrganizations = organizations.map(toOpenOrganization);
  const openInstitutions = institutions.map(toOpenInstitution);
  return {
    scope: scope.kind === "all" ? scope : { ...scope, name },
    modifiedAt: latest([...openOrganizations, ...openInstitutions, ...memberships].map((r) => r.updatedAt)),
    organizations: openOrganizations,
    institutions: openInstitutions,
    memberships,
  };
}

/**
 * A record's slice for its downloads, cached under the public pages' tags (an approval expires it). Slices only: the
 * whole dataset is never held in the data cache (the whole-registry downloads stream it).
 */
export const getOpenDataset = cached(
  "getOpenDataset",
  (scope: SliceScope) => loadOpenDataset(scope),
  (scope) =>
    scope.kind === "organization"
      ? [tags.pages, tags.organization(scope.slug)]
      : [tags.pages, tags.institution(scope.slug)],
);

/** Counts for the /data page. */
export const getOpenDataCounts = cached(
  "getOpenDataCounts",
  async () => {
    const [organizations, institutions, memberships, wikidataReady] = await Promise.all([
      db().organization.count(),
      db().institution.count(),
      db().membership.count(),
      db().membership.count({
        where: { organization: { wikidataId: { not: null } }, institution: { wikidataId: { not: null } } },
      }),
    ]);
    return { organizations, institutions, memberships, wikidataReady };
  },
  () => [tags.organizations, tags.institutions, tags.registry],
);

/**
 * When the dataset last changed (what loadOpenDataset gives as modifiedAt), without loading it: for the data
 * package's and the catalog's dates.
 */
export async function loadOpenDataModifiedAt(): Promise<string> {
  const [organizations, institutions, memberships] = await Promise.all([
    db().organization.aggregate({ _max: { updatedAt: true } }),
    db().institution.aggregate({ _max: { updatedAt: true } }),
    db().membership.aggregate({ _max: { updatedAt: true } }),
  ]);
  return latest(
    [organizations, institutions, memberships].flatMap((a) =>
      a._max.updatedAt ? [a._max.updatedAt.toISOString()] : [],
    ),
  );
}

export const getOpenDataModifiedAt = cached("getOpenDataModifiedAt", loadOpenDataModifiedAt, () => [
  tags.organizations,
  tags.institutions,
  tags.registry,
]);
