import "server-only";
import { countryName } from "../../shared/countries";
import { fromStoredDate } from "../../shared/dates";
import { NotFoundError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import { type ExtendRequest, type RecordId, recordId } from "../../open-data/reconcile/input";
import { EXTEND_PROPERTIES, type ExtendPropertyId } from "../../open-data/reconcile/service";
import { organizationNameSelect, institutionNameSelect } from "../selects";
import { db } from "../db";
import { assertRecordsExist } from "./reconcile";

// The reconciliation service's record facts: the preview card and the data extension (/api/reconcile).

export type ReconcilePreview = {
  id: string;
  type: "institution" | "organization";
  name: string;
  otherName: string | null;
  kind: string;
  country: string | null;
  memberships: number;
  path: string;
};

/** What the preview card shows of one record; NotFoundError for an id the registry does not hold. */
export async function getReconcilePreview(id: RecordId): Promise<ReconcilePreview> {
  if (id.type === "institution") {
    const r = await db().institution.findUnique({
      where: { slug: id.slug },
      select: {
        slug: true,
        kind: true,
        country: true,
        memberCount: true,
        names: institutionNameSelect,
      },
    });
    if (!r) throw new NotFoundError(`No record with the id ${recordId(id.type, id.slug)}.`);
    const zh = pickName(r.names, "zh").name;
    const { name } = pickName(r.names, "en");
    return {
      id: recordId("institution", r.slug),
      type: "institution",
      name,
      otherName: zh !== name ? zh : null,
      kind: r.kind,
      country: countryName(r.country, "en"),
      memberships: r.memberCount,
      path: `/en/institutions/${r.slug}`,
    };
  }
  const r = await db().organization.findUnique({
    where: { slug: id.slug },
    select: { slug: true, kind: true, acronym: true, memberCount: true, names: organizationNameSelect },
  });
  if (!r) throw new NotFoundError(`No record with the id ${recordId(id.type, id.slug)}.`);
  const { name } = pickName(r.names, "en");
  const zh = pickName(r.names, "zh").name;
  return {
    id: recordId("organization", r.slug),
    type: "organization",
    name: r.acronym && r.acronym !== name ? `${name} (${r.acronym})` : name,
    otherName: zh !== name ? zh : null,
    kind: r.kind,
    country: null,
    memberships: r.memberCount,
    path: `/en/organizations/${r.slug}`,
  };
}

/** A cell of the data extension, as the specification types them. */
export type ExtendValue = { str: string } | { id: string; name: string; description?: string } | Record<string, never>;

const str = (s: string | null | undefined): ExtendValue[] => (s ? [{ str: s }] : []);

/** Memberships that have ended are left out unless asked for; ended means an end date or a withdrawal. */
const ENDED = { OR: [{ endedOn: { not: null } }, { status: "WITHDRAWN" as const }] };

/** The extension's rows: for each id, each asked property's values (member_of and member_since aligned). */
export async function extendRecords(request: ExtendRequest) {
  await assertRecordsExist(request.ids);
  const slugs = (type: RecordId["type"]) => request.ids.filter((i) => i.type === type).map((i) => i.slug);
  const [institutions, organizations] = await Promise.all([
    db().institution.findMany({
      where: { slug: { in: slugs("institution") } },
      select: {
        slug: true,
        kind: true,
        country: true,
        website: true,
        rorId: true,
        wikidataId: true,
        memberships: {
          where: request.includeEnded ? {} : { NOT: ENDED },
          select: {
            joinedOn: true,
            joinedPrecision: true,
            organization: { select: { slug: true, acronym: true, names: organizationNameSelect } },
          },
          orderBy: [{ joinedOn: { sort: "asc", nulls: "last" } }, { organization: { slug: "asc" } }],
        },
      },
    }),
    db().organization.findMany({
      where: { slug: { in: slugs("organization") } },
      select: { slug: true, kind: true, website: true, wikidataId: true },
    }),
  ]);
  const rows: Record<string, Partial<Record<ExtendPropertyId, ExtendValue[]>>> = {};
  for (const r of institutions) {
    const since = r.memberships.map((m) => fromStoredDate(m.joinedOn, m.joinedPrecision));
    const values: Record<ExtendPropertyId, ExtendValue[]> = {
      country: str(r.country),
      kind: str(r.kind),
      website: str(r.website),
      ror: str(r.rorId ? `https://ror.org/${r.rorId}` : null),
      wikidata: str(r.wikidataId),
      member_of: r.memberships.map((m, i) => ({
        id: recordId("organization", m.organization.slug),
        name: pickName(m.organization.names, "en").name,
        ...(since[i] ? { description: `since ${since[i].iso}` } : {}),
      })),
      // Dates at the precision the source gives them ("2017", "2017-05"), never a day invented; {} keeps a
      // membership without a known start aligned with its row in member_of.
      member_since: since.map((d): ExtendValue => (d ? { str: d.iso } : {})),
    };
    rows[recordId("institution", r.slug)] = pick(values, request.properties);
  }
  for (const r of organizations) {
    const values: Record<ExtendPropertyId, ExtendValue[]> = {
      country: [],
      kind: str(r.kind),
      website: str(r.website),
      ror: [],
      wikidata: str(r.wikidataId),
      member_of: [],
      member_since: [],
    };
    rows[recordId("organization", r.slug)] = pick(values, request.properties);
  }
  const meta = request.properties.map((id) => {
    const p = EXTEND_PROPERTIES.find((e) => e.id === id)!;
    return id === "member_of"
      ? { id, name: p.name, type: { id: "organization", name: "Organization" } }
      : { id, name: p.name };
  });
  return { meta, rows };
}

function pick(values: Record<ExtendPropertyId, ExtendValue[]>, properties: ExtendPropertyId[]) {
  return Object.fromEntries(properties.map((p) => [p, values[p]]));
}
