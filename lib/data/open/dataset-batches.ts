import "server-only";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import type { Prisma } from "../../generated/prisma/client";
import { Semaphore } from "../../shared/semaphore";
import { loadOpenDataModifiedAt } from "./datasets";
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

// The whole approved dataset a batch at a time, for the whole-registry files (lib/open-data/formats.ts streams them).
// At world scale (75,000 organizations, 120,000 institutions, a million memberships) the dataset held at once is
// hundreds of MB: each batch here is read when the file's reader asks for more, and dropped once written.

/**
 * Rows per batch. 2,000 memberships are a few MB of records (the seed's render to about 1.3 kB of JSON each), so a
 * handful of downloads at once stay far below the server's heap; a million memberships take 500 batches, each one
 * statement (Prisma's relationJoins, on in schema.prisma, joins the nested selects into it): 500 round trips.
 */
export const DATASET_BATCH_SIZE = 2000;

/** What a whole-registry file states before its records, known before any of them is read. */
export type OpenDatasetSummary = {
  /** The last change to any record (loadOpenDataset's modifiedAt). */
  modifiedAt: string;
  counts: { organizations: number; institutions: number; memberships: number };
};

/** Which memberships to read: with or without earlier periods, and only those with a Wikidata item on both sides. */
export type OpenMembershipFilter = { formerPeriods?: boolean; bothOnWikidata?: boolean };

/** Rows per batch of each kind: one number for all, or each its own (tests page a large table in fewer batches). */
export type DatasetBatchSizes = { organizations: number; institutions: number; memberships: number };

/** The dataset's records in batches, each in the order loadOpenDataset gives them (slugs; memberships by id). */
export type OpenDatasetBatches = {
  summary: OpenDatasetSummary;
  organizations(): AsyncGenerator<OpenOrganization[]>;
  institutions(): AsyncGenerator<OpenInstitution[]>;
  /** Institutions with their memberships (by id), for files that nest memberships in their institution. */
  institutionsWithMemberships(): AsyncGenerator<{ institutions: OpenInstitution[]; memberships: OpenMembership[] }>;
  memberships(filter?: OpenMembershipFilter): AsyncGenerator<OpenMembership[]>;
};

export async function loadOpenDatasetSummary(): Promise<OpenDatasetSummary> {
  const [modifiedAt, organizations, institutions, memberships] = await Promise.all([
    loadOpenDataModifiedAt(),
    db().organization.count(),
    db().institution.count(),
    db().membership.count(),
  ]);
  return { modifiedAt, counts: { organizations, institutions, memberships } };
}

/** The summary for downloads (their ETag and header), cached under the tags the whole dataset's reads use. */
export const getOpenDatasetSummary = cached("getOpenDatasetSummary", loadOpenDatasetSummary, () => [
  tags.organizations,
  tags.institutions,
  tags.registry,
]);

/**
 * The batch reads of every whole-registry download of this process, at most DATASET_READS_AT_ONCE at a time. A
 * download that is not being read holds no turn (it waits between batches, not inside one); ten downloads at once
 * take turns rather than ten of the pool's connections, which the pages need. Each turn ends before its batch is
 * handed on, so a consumer that waits for another download cannot lock the two.
 */
export const DATASET_READS_AT_ONCE = 2;
export const datasetReads = new Semaphore(DATASET_READS_AT_ONCE);

/** Keyset pages of `size` rows after the last one's key, until a page comes back short. */
async function* keyset<Row>(
  read: (after: string | undefined) => Promise<Row[]>,
  keyOf: (row: Row) => string,
  size: number,
): AsyncGenerator<Row[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await datasetReads.run(() => read(after));
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

const afterSlug = (after: string | undefined) => (after === undefined ? {} : { slug: { gt: after } });

export async function* organizationBatches(size = DATASET_BATCH_SIZE): AsyncGenerator<OpenOrganization[]> {
  const pages = keyset(
    (after) =>
      db().organization.findMany({
        where: afterSlug(after),
        select: openOrganizationSelect,
        orderBy: { slug: "asc" },
        take: size,
      }),
    (o) => o.slug,
    size,
  );
  for await (const rows of pages) yield rows.map(toOpenOrganization);
}

async function openInstitutions(ids: string[]): Promise<OpenInstitution[]> {
  const rows = await db().institution.findMany({
    where: { id: { in: ids } },
    select: openInstitutionSelect,
    orderBy: { slug: "asc" },
  });
  return rows.map(toOpenInstitution);
}

export async function* institutionBatches(size = DATASET_BATCH_SIZE): AsyncGenerator<OpenInstitution[]> {
  const pages = keyset(
    (after) =>
      db().institution.findMany({
        where: afterSlug(after),
        select: openInstitutionSelect,
        orderBy: { slug: "asc" },
        take: size,
      }),
    (i) => i.slug,
    size,
  );
  for await (const rows of pages) yield rows.map(toOpenInstitution);
}

/**
 * Institutions with their memberships: at most `size` institutions, ending before their memberships would pass
 * `memberships` (counted by the stored memberCount, which only sizes the batch). The world's busiest universities have
 * hundreds each: a batch of institutions alone would bring their memberships along unbounded. One institution is always
 * taken, whatever it holds.
 */
export async function* institutionBatchesWithMemberships(
  size = DATASET_BATCH_SIZE,
  memberships = size,
): AsyncGenerator<{ institutions: OpenInstitution[]; memberships: OpenMembership[] }> {
  let after: string | undefined;
  for (;;) {
    const keys = await datasetReads.run(() =>
      db().institution.findMany({
        where: afterSlug(after),
        select: { id: true, slug: true, memberCount: true },
        orderBy: { slug: "asc" },
        take: size,
      }),
    );
    let taken = 0;
    let held = 0;
    for (const key of keys) {
      if (taken > 0 && held + key.memberCount > memberships) break;
      held += key.memberCount;
      taken += 1;
    }
    const ids = keys.slice(0, taken).map((k) => k.id);
    if (ids.length) {
      const [institutions, rows] = await datasetReads.run(() =>
        Promise.all([
          openInstitutions(ids),
          db().membership.findMany({
            where: { institutionId: { in: ids } },
            select: openMembershipSelect,
            orderBy: { id: "asc" },
          }),
        ]),
      );
      yield { institutions, memberships: rows.map(toOpenMembership) };
    }
    if (taken === keys.length && keys.length < size) return;
    after = keys[taken - 1]!.slug;
  }
}

function membershipWhere(filter: OpenMembershipFilter): Prisma.MembershipWhereInput {
  return {
    ...(filter.formerPeriods === undefined ? {} : { periods: filter.formerPeriods ? { some: {} } : { none: {} } }),
    ...(filter.bothOnWikidata
      ? { organization: { wikidataId: { not: null } }, institution: { wikidataId: { not: null } } }
      : {}),
  };
}

export async function* membershipBatches(
  size = DATASET_BATCH_SIZE,
  filter: OpenMembershipFilter = {},
): AsyncGenerator<OpenMembership[]> {
  const where = membershipWhere(filter);
  const pages = keyset(
    (after) =>
      db().membership.findMany({
        where: after === undefined ? where : { ...where, id: { gt: after } },
        select: openMembershipSelect,
        orderBy: { id: "asc" },
        take: size,
      }),
    (m) => m.id,
    size,
  );
  for await (const rows of pages) yield rows.map(toOpenMembership);
}

/** The whole dataset in batches (`size` rows of each kind, or each kind's own), with the summary read before them. */
export function openDatasetBatches(
  summary: OpenDatasetSummary,
  size: number | DatasetBatchSizes = DATASET_BATCH_SIZE,
): OpenDatasetBatches {
  const sizes = typeof size === "number" ? { organizations: size, institutions: size, memberships: size } : size;
  for (const [kind, n] of Object.entries(sizes))
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`A batch of ${kind} holds at least one row, not ${n}.`);
  return {
    summary,
    organizations: () => organizationBatches(sizes.organizations),
    institutions: () => institutionBatches(sizes.institutions),
    institutionsWithMemberships: () => institutionBatchesWithMemberships(sizes.institutions, sizes.memberships),
    memberships: (filter) => membershipBatches(sizes.memberships, filter),
  };
}
