import { Field, InstitutionKind, MembershipRole, MembershipStatus, OrganizationKind } from "../../shared/enums";
import { SUGGEST_DEFAULT_LIMIT, SUGGEST_MAX_LIMIT, SUGGEST_MAX_QUERY, SUGGEST_TYPES } from "../../shared/types/suggest";
import { common, download, errorResponse, etagHeader, json, ok, p, recordJsonLd, ref, str } from "./builders";
import { INSTITUTION_COVERAGES } from "../../validation/search";
import { AFFILIATION_MAX_CHARS } from "../../shared/affiliation-text";
import { changesPaths } from "./changes";
import { DATASET_FILES } from "../formats";
import { dataPackagePaths } from "./data-package-paths";

/** The read API's operations: the records, the downloads and the widget. */
/** The download of one record's slice (an organization's or an institution's), in three formats. */
function slice(record: "organization" | "institution", operationId: string, summary: string) {
  return {
    get: {
      tags: ["downloads"],
      operationId,
      summary,
      parameters: [
        {
          name: "file",
          in: "path",
          required: true,
          description: "`{slug}.csv`, `{slug}.json` or `{slug}.jsonld`.",
          schema: { type: "string", pattern: "^[a-z0-9-]+\\.(csv|json|jsonld)$" },
        },
        p.bom,
      ],
      responses: {
        "200": download("The file.", ["text/csv", "application/json", "application/ld+json"]),
        ...common,
        "404": errorResponse(`No ${record} has this slug.`),
      },
    },
  };
}

export const paths = {
  ...changesPaths,
  "/organizations": {
    get: {
      tags: ["records"],
      operationId: "listOrganizations",
      summary: "Alliances, networks, associations, consortia and programmes, by slug.",
      parameters: [
        p.q,
        { name: "kind", in: "query", schema: { type: "string", enum: Object.values(OrganizationKind) } },
        { name: "field", in: "query", schema: { type: "string", enum: Object.values(Field) } },
        p.country,
        p.limit,
        p.cursor,
      ],
      responses: { "200": ok("A page of organizations.", "OrganizationList"), ...common },
    },
  },
  "/organizations/{slug}": {
    get: {
      tags: ["records"],
      operationId: "getOrganization",
      summary: "One organization.",
      parameters: [p.slug],
      responses: {
        "200": ok("The organization.", "OrganizationItem"),
        ...common,
        "404": errorResponse("No organization has this slug."),
      },
    },
  },
  "/organizations/{slug}/jsonld": recordJsonLd(
    "organization",
    "getOrganizationJsonLd",
    "One organization as schema.org JSON-LD.",
  ),
  "/institutions": {
    get: {
      tags: ["records"],
      operationId: "listInstitutions",
      summary: "Universities and other institutions, by slug.",
      parameters: [
        p.q,
        { name: "kind", in: "query", schema: { type: "string", enum: Object.values(InstitutionKind) } },
        p.country,
        {
          name: "coverage",
          in: "query",
          description:
            "`listed`: institutions the registry has something about (made from its sources, or with a membership, " +
            "a founding role or a person); `directory`: those the directory of the world's universities alone holds.",
          schema: { type: "string", enum: [...INSTITUTION_COVERAGES] },
        },
        p.limit,
        p.cursor,
      ],
      responses: { "200": ok("A page of institutions.", "InstitutionList"), ...common },
    },
  },
  "/institutions/{slug}": {
    get: {
      tags: ["records"],
      operationId: "getInstitution",
      summary: "One institution, with its ROR ID and Wikidata item.",
      parameters: [p.slug],
      responses: {
        "200": ok("The institution.", "InstitutionItem"),
        ...common,
        "404": errorResponse("No institution has this slug."),
      },
    },
  },
  "/institutions/{slug}/jsonld": recordJsonLd(
    "institution",
    "getInstitutionJsonLd",
    "One institution as schema.org JSON-LD.",
  ),
  "/institutions/{slug}/memberships": {
    get: {
      tags: ["widget"],
      operationId: "getInstitutionMemberships",
      summary: "The widget's data: an institution's memberships, newest first, named in one language.",
      parameters: [p.slug, p.lang],
      responses: {
        "200": ok("The institution's memberships.", "WidgetItem"),
        ...common,
        "404": errorResponse("No institution has this slug."),
      },
    },
  },
  "/memberships": {
    get: {
      tags: ["records"],
      operationId: "listMemberships",
      summary: "Who is a member of what, since when and in which role, with the source.",
      parameters: [
        { name: "organization", in: "query", description: "An organization's slug.", schema: str },
        { name: "institution", in: "query", description: "An institution's slug.", schema: str },
        { name: "role", in: "query", schema: { type: "string", enum: Object.values(MembershipRole) } },
        { name: "status", in: "query", schema: { type: "string", enum: Object.values(MembershipStatus) } },
        p.limit,
        p.cursor,
      ],
      responses: { "200": ok("A page of memberships.", "MembershipList"), ...common },
    },
  },
  "/export/{file}": {
    get: {
      tags: ["downloads"],
      operationId: "downloadDataset",
      summary: "The whole dataset as a file (CC0).",
      description:
        "`dataset.csv` (memberships with both sides named), `organizations.csv`, `institutions.csv`, " +
        "`dataset.json`, `dataset.jsonld` (schema.org Dataset) and `wikidata.qs` (QuickStatements: P463 with " +
        "P580/P582 at the stored precision, for records with Wikidata items).",
      parameters: [
        {
          name: "file",
          in: "path",
          required: true,
          schema: {
            type: "string",
            enum: [...DATASET_FILES],
          },
        },
        p.bom,
      ],
      responses: {
        "200": download("The file.", ["text/csv", "application/json", "application/ld+json", "text/plain"]),
        ...common,
        "404": errorResponse("No such file."),
      },
    },
  },
  ...dataPackagePaths,
  "/export/organizations/{file}": slice(
    "organization",
    "downloadOrganizationSlice",
    "One organization's slice: its memberships and the institutions in them.",
  ),
  "/export/institutions/{file}": slice(
    "institution",
    "downloadInstitutionSlice",
    "One institution's slice: its memberships and the organizations in them.",
  ),
  "/releases": {
    get: {
      tags: ["downloads"],
      operationId: "listReleases",
      summary: "Dated snapshots of the dataset, newest first, with counts and SHA-256 sums.",
      responses: { "200": ok("The releases.", "ReleaseList"), ...common },
    },
  },
  "/releases/{date}/{file}": {
    get: {
      tags: ["downloads"],
      operationId: "downloadRelease",
      summary: "A file of a release (manifest.json lists them; datapackage.json describes its CSV files).",
      parameters: [
        { name: "date", in: "path", required: true, schema: { type: "string", format: "date" } },
        { name: "file", in: "path", required: true, schema: str },
      ],
      responses: {
        "200": download("The file.", ["text/csv", "application/json", "application/ld+json", "text/plain"], {
          anyOf: [ref("DatasetDocument"), ref("ReleaseManifest"), ref("DataPackage")],
        }),
        ...common,
        "404": errorResponse("No such release or file."),
      },
    },
  },
  "/suggest": {
    get: {
      tags: ["records"],
      operationId: "suggest",
      summary: "Type-ahead: organizations and institutions whose names match the text typed so far.",
      description:
        "Every name in every language, acronyms and former names; case, spaces and punctuation do not matter. " +
        "Ranked: exact name or acronym, then prefix, word prefix, substring, and close misspellings.",
      parameters: [
        {
          name: "q",
          in: "query",
          required: true,
          schema: { type: "string", minLength: 1, maxLength: SUGGEST_MAX_QUERY },
        },
        {
          name: "type",
          in: "query",
          description: "Both when omitted.",
          schema: { type: "string", enum: SUGGEST_TYPES },
        },
        { name: "locale", in: "query", schema: { type: "string", enum: ["en", "zh"], default: "en" } },
        {
          name: "limit",
          in: "query",
          schema: { type: "integer", minimum: 1, maximum: SUGGEST_MAX_LIMIT, default: SUGGEST_DEFAULT_LIMIT },
        },
      ],
      responses: { "200": ok("The best matches, best first.", "SuggestResponse"), ...common },
    },
  },
  "/match": {
    get: {
      tags: ["records"],
      operationId: "matchAffiliation",
      summary:
        "Affiliation matching: the institutions an affiliation string names, as ROR's affiliation endpoint answers.",
      description:
        'For the strings of papers and forms ("Dept. of Surgery, Nanjing Med. Univ., Nanjing 211166, China"). ' +
        "The string is split at commas and semicolons; countries narrow the match, postcodes are set aside, " +
        "abbreviations (Univ., Med., Inst., Sci., Tech., Coll., Natl., Hosp.…) are written out, and case, " +
        'punctuation and a leading "The" do not matter. `matching_type`: EXACT (the whole string is a name), ' +
        "PHRASE (one part, or two neighbouring parts, is a name), ACRONYM (a part in capitals is a name), FUZZY " +
        "(a part is close to a name: trigram similarity, tried only when no part is exact). At most one item is " +
        "`chosen`: the one institution named exactly (in the country the string names, if any), or, without an exact " +
        "name, a FUZZY match scoring at least 0.6 and 0.15 ahead of the next. A string naming no institution " +
        "chooses nothing. With `date`, each record lists its memberships in force that day.",
      parameters: [
        {
          name: "affiliation",
          in: "query",
          required: true,
          schema: { type: "string", minLength: 1, maxLength: AFFILIATION_MAX_CHARS },
        },
        {
          name: "date",
          in: "query",
          description:
            "A day (YYYY-MM-DD): memberships joined on or before it and not ended by it, at the precision stored.",
          schema: { type: "string", format: "date" },
        },
      ],
      responses: { "200": ok("The candidates, best first (at most 10).", "MatchResponse"), ...common },
    },
  },
  "/openapi.json": {
    get: {
      tags: ["records"],
      operationId: "getOpenApi",
      summary: "This document.",
      responses: {
        "200": { description: "OpenAPI 3.1", headers: etagHeader, content: json({ type: "object" }) },
        ...common,
      },
    },
  },
} as const;
