import type { OpenDataset, OpenInstitution, OpenMembership, OpenOrganization } from "../data/open/datasets";
import {
  DatePrecision,
  Field,
  InstitutionKind,
  MembershipRole,
  MembershipStatus,
  OrganizationKind,
} from "../shared/enums";
import { SIDES_STATES } from "../shared/membership-sides";
import type { CsvValue } from "./csv";

// The CSV files' columns, each with its Table Schema field and the cell it writes: the CSV writers
// (formats.ts) and the data package's schemas (datapackage.ts) both read this one list, so a column cannot
// be written without being described, nor described as something it is not.

/** A Table Schema field (Frictionless Table Schema v1) with the function that writes its cell. */
export type Column<Row> = {
  name: string;
  type: "string" | "integer" | "date" | "datetime";
  format?: "uri" | "any";
  description: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
  };
  /** A method, so that a table of any row type is a CsvTable<unknown> (data package code reads only the fields). */
  cell(row: Row): CsvValue;
};

export type CsvTable<Row> = {
  /** The data package's resource name. */
  resource: "organizations" | "institutions" | "memberships";
  /** The file under /api/v1/export/ and in a release. */
  file: "organizations.csv" | "institutions.csv" | "dataset.csv";
  title: string;
  description: string;
  rows: (d: OpenDataset) => Row[];
  columns: readonly Column<Row>[];
  primaryKey: string;
  foreignKeys?: readonly { fields: string; reference: { resource: CsvTable<unknown>["resource"]; fields: string } }[];
};

const values = (e: Record<string, string>) => Object.values(e);
const oneOf = (e: Record<string, string>) => values(e).join("|");

/**
 * Dates are given at the precision their source gives ("2016", "2016-05", "2016-05-04"), never padded to a day
 * that no one stated. Table Schema's `date` would reject "2016" and `year` would reject "2016-05-04", so the cell is
 * a string held to this pattern, and the precision column beside it (YEAR, MONTH, DAY) says which form it has.
 */
// Patterns are written anchored (^…$): the JavaScript tableschema tests them unanchored, and frictionless-py
// anchors them itself, so both read them as whole-value patterns.
export const PARTIAL_DATE_PATTERN = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
/** One period as an ISO 8601 interval of partial dates, ".." for an end not stated ("2005/2012", "2019/.."). */
const PERIOD = "([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\.)/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\.)";
export const PERIODS_PATTERN = `^${PERIOD}(;${PERIOD})*$`;

/** Every period of a membership in one cell, earliest first: "2005/2012;2019/..". */
export function periodsCell(m: Pick<OpenMembership, "periods">): string {
  return m.periods.map((p) => `${p.joined?.iso ?? ".."}/${p.ended?.iso ?? ".."}`).join(";");
}
const SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
const WIKIDATA = "^Q[1-9][0-9]*$";
const COUNTRY = "^[A-Z]{2}$";
const ROR = "^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$";

const slug = <Row>(cell: (r: Row) => string, description: string): Column<Row> => ({
  name: "slug",
  type: "string",
  description,
  constraints: { required: true, unique: true, pattern: SLUG },
  cell,
});
const text = <Row>(name: string, description: string, cell: (r: Row) => CsvValue, required = false): Column<Row> => ({
  name,
  type: "string",
  description,
  ...(required ? { constraints: { required: true } } : {}),
  cell,
});
const uri = <Row>(name: string, description: string, cell: (r: Row) => CsvValue, required = false): Column<Row> => ({
  name,
  type: "string",
  format: "uri",
  description,
  ...(required ? { constraints: { required: true } } : {}),
  cell,
});
const patterned = <Row>(
  name: string,
  pattern: string,
  description: string,
  cell: (r: Row) => CsvValue,
  required = false,
): Column<Row> => ({
  name,
  type: "string",
  description,
  constraints: { pattern, ...(required ? { required } : {}) },
  cell,
});
const enumerated = <Row>(
  name: string,
  e: Record<string, string>,
  description: string,
  cell: (r: Row) => CsvValue,
  required = true,
): Column<Row> => ({ name, type: "string", description, constraints: { required, enum: values(e) }, cell });
const count = <Row>(name: string, description: string, cell: (r: Row) => number): Column<Row> => ({
  name,
  type: "integer",
  description,
  constraints: { required: true, minimum: 0 },
  cell,
});
// Written by Date.toISOString ("2026-11-30T07:12:19.123Z"): Table Schema's default datetime form has no fraction
// of a second, so the format is "any" (any ISO 8601 date-time).
const updatedAt = <Row>(cell: (r: Row) => string): Column<Row> => ({
  name: "updated_at",
  type: "datetime",
  format: "any",
  description: "When the record last changed (ISO 8601, UTC).",
  constraints: { required: true },
  cell,
});
const partialDate = <Row>(name: string, what: string, cell: (r: Row) => CsvValue) =>
  patterned<Row>(
    name,
    PARTIAL_DATE_PATTERN,
    `${what} at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.`,
    cell,
  );
const precision = <Row>(name: string, of: string, cell: (r: Row) => CsvValue) =>
  enumerated<Row>(name, DatePrecision, `The precision of ${of}; empty when ${of} is.`, cell, false);

export const ORGANIZATIONS_TABLE: CsvTable<OpenOrganization> = {
  resource: "organizations",
  file: "organizations.csv",
  title: "Organizations",
  description: "International university alliances, networks and consortia.",
  rows: (d) => d.organizations,
  primaryKey: "slug",
  columns: [
    slug((o) => o.slug, "The organization's identifier on this site (its page is /en/organizations/{slug})."),
    enumerated("kind", OrganizationKind, "What kind of organization it is.", (o) => o.kind),
    text("name_en", "Its name in English.", (o) => o.name.en, true),
    text("name_zh", "Its name in Chinese, when it has one.", (o) => o.name.zh),
    text("acronym", "Its acronym.", (o) => o.acronym),
    partialDate("founded", "When it was founded", (o) => o.founded?.iso),
    precision("founded_precision", "founded", (o) => o.founded?.precision),
    patterned("fields", `^(${oneOf(Field)})(;(${oneOf(Field)}))*$`, "Its fields, separated by semicolons.", (o) =>
      o.fields.join(";"),
    ),
    uri("website", "Its website.", (o) => o.website),
    patterned("wikidata_id", WIKIDATA, "Its Wikidata item (Q-identifier).", (o) => o.wikidataId),
    patterned(
      "countries",
      `^[A-Z]{2}(;[A-Z]{2})*$`,
      "Where it is based: ISO 3166-1 alpha-2 codes, separated by semicolons.",
      (o) => o.countries.join(";"),
    ),
    count("member_count", "How many memberships the registry holds for it.", (o) => o.memberCount),
    uri("url", "Its page on this site.", (o) => o.url, true),
    updatedAt((o) => o.updatedAt),
  ],
};

export const INSTITUTIONS_TABLE: CsvTable<OpenInstitution> = {
  resource: "institutions",
  file: "institutions.csv",
  title: "Institutions",
  description: "Universities and other institutions, with the world's universities from the directory.",
  rows: (d) => d.institutions,
  primaryKey: "slug",
  columns: [
    slug((i) => i.slug, "The institution's identifier on this site (its page is /en/institutions/{slug})."),
    enumerated("kind", InstitutionKind, "What kind of institution it is.", (i) => i.kind),
    text("name_en", "Its name in English.", (i) => i.name.en, true),
    text("name_zh", "Its name in Chinese, when it has one.", (i) => i.name.zh),
    patterned("country", COUNTRY, "Its country: ISO 3166-1 alpha-2.", (i) => i.country, true),
    text("city", "Its city.", (i) => i.city),
    uri("website", "Its website.", (i) => i.website),
    patterned("ror_id", ROR, "Its ROR identifier (without https://ror.org/).", (i) => i.rorId),
    patterned("wikidata_id", WIKIDATA, "Its Wikidata item (Q-identifier).", (i) => i.wikidataId),
    count("membership_count", "How many memberships the registry holds for it.", (i) => i.membershipCount),
    uri("url", "Its page on this site.", (i) => i.url, true),
    updatedAt((i) => i.updatedAt),
  ],
};

export const MEMBERSHIPS_TABLE: CsvTable<OpenMembership> = {
  resource: "memberships",
  file: "dataset.csv",
  title: "Memberships",
  description: "Which institution belongs to which organization, in which role and since when, with its source.",
  rows: (d) => d.memberships,
  primaryKey: "id",
  foreignKeys: [
    { fields: "institution_slug", reference: { resource: "institutions", fields: "slug" } },
    { fields: "organization_slug", reference: { resource: "organizations", fields: "slug" } },
  ],
  columns: [
    {
      name: "id",
      type: "string",
      description: "The membership's identifier.",
      constraints: { required: true, unique: true },
      cell: (m) => m.id,
    },
    patterned("institution_slug", SLUG, "The member (institutions.slug).", (m) => m.institution.slug, true),
    text("institution_name", "The member's name in English.", (m) => m.institution.name, true),
    patterned("institution_country", COUNTRY, "The member's country.", (m) => m.institution.country, true),
    patterned("institution_wikidata_id", WIKIDATA, "The member's Wikidata item.", (m) => m.institution.wikidataId),
    patterned("organization_slug", SLUG, "The organization (organizations.slug).", (m) => m.organization.slug, true),
    text("organization_name", "The organization's name in English.", (m) => m.organization.name, true),
    patterned(
      "organization_wikidata_id",
      WIKIDATA,
      "The organization's Wikidata item.",
      (m) => m.organization.wikidataId,
    ),
    enumerated("role", MembershipRole, "The member's role (NOT_STATED: the source gives none).", (m) => m.role),
    enumerated("status", MembershipStatus, "The membership's status.", (m) => m.status),
    partialDate("joined", "When the member joined", (m) => m.joined?.iso),
    precision("joined_precision", "joined", (m) => m.joined?.precision),
    partialDate("ended", "When the membership ended", (m) => m.ended?.iso),
    precision("ended_precision", "ended", (m) => m.ended?.precision),
    patterned(
      "periods",
      PERIODS_PATTERN,
      "Every period of the membership, earliest first, separated by ';': a university that left and rejoined has " +
        "one for each time it was a member. Each is start/end at the precision the source gives (2005/2012, " +
        "2019-05/..); '..' is a date not stated (no end yet, or a start the source does not give). The last is " +
        "the current one (joined and ended above).",
      (m) => periodsCell(m),
      true,
    ),
    text("notes", "Notes.", (m) => m.notes),
    text("source_title", "The source the membership rests on.", (m) => m.source?.title),
    uri("source_url", "The source's address.", (m) => m.source?.url),
    // The two sides (the university's and the organization's own statement), as the API's `sides` gives them.
    enumerated(
      "sides",
      Object.fromEntries(SIDES_STATES.map((s) => [s, s])),
      "Who states the membership: BOTH (the university confirmed it and the organization states the same), " +
        "DISAGREE, ORGANIZATION_ONLY, INSTITUTION_ONLY or NEITHER.",
      (m) => m.sides.state,
    ),
    {
      name: "institution_confirmed_on",
      type: "date",
      description: "When the university last confirmed the membership.",
      cell: (m) => m.sides.institutionConfirmedOn,
    },
    enumerated(
      "organization_role",
      MembershipRole,
      "The role the organization's own statement gives.",
      (m) => m.sides.organization?.role,
      false,
    ),
    partialDate(
      "organization_joined",
      "When the organization's own statement says the member joined",
      (m) => m.sides.organization?.joined?.iso,
    ),
    partialDate(
      "organization_ended",
      "When the organization's own statement says the membership ended",
      (m) => m.sides.organization?.ended?.iso,
    ),
    text(
      "organization_source_title",
      "The source of the organization's own statement.",
      (m) => m.sides.organization?.source?.title,
    ),
    uri(
      "organization_source_url",
      "The address of the organization's own statement.",
      (m) => m.sides.organization?.source?.url,
    ),
    updatedAt((m) => m.updatedAt),
  ],
};

export const CSV_TABLES: readonly CsvTable<unknown>[] = [ORGANIZATIONS_TABLE, INSTITUTIONS_TABLE, MEMBERSHIPS_TABLE];

export const tableHeader = <Row>(table: CsvTable<Row>): string[] => table.columns.map((c) => c.name);

/** One row's cells (a streamed file writes its rows a batch at a time). */
export const tableRow = <Row>(table: CsvTable<Row>, row: Row): CsvValue[] => table.columns.map((c) => c.cell(row));

/** The table's header and rows, as the CSV writer takes them. */
export function tableCells<Row>(table: CsvTable<Row>, d: OpenDataset): { header: string[]; rows: CsvValue[][] } {
  return { header: tableHeader(table), rows: table.rows(d).map((row) => tableRow(table, row)) };
}
