import { Field, InstitutionKind, MembershipRole, MembershipStatus, OrganizationKind } from "../generated/prisma/enums";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT } from "../validation/api";
import { LICENSE } from "./license";

// The read API's OpenAPI 3.1 document: served at /api/v1/openapi.json, rendered on /[locale]/data/api, and
// the contract the tests validate every response against.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: "null" }] });
const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
const json = (schema: unknown) => ({ "application/json": { schema } });

const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const notModified = { description: "Not modified: the If-None-Match header named the current ETag." };
const common = {
  "304": notModified,
  "400": errorResponse("A parameter is invalid, unknown or repeated: `details` names each."),
  "405": errorResponse("Any method but GET, HEAD and OPTIONS."),
};
const etagHeader = {
  ETag: { description: "Strong validator of the body; send it back in If-None-Match.", schema: str },
};
const ok = (description: string, schemaName: string) => ({
  description,
  headers: etagHeader,
  content: json(ref(schemaName)),
});
const FILE_SCHEMAS: Record<string, unknown> = {
  "text/csv": { type: "string", description: "RFC 4180, UTF-8, with a header row." },
  "text/plain": { type: "string", description: "QuickStatements v1, one command per line." },
  "application/json": ref("DatasetDocument"),
  "application/ld+json": {
    type: "object",
    required: ["@context", "@graph"],
    description: "schema.org Dataset (with its license) and the records.",
  },
};
const download = (description: string, types: string[], json: unknown = FILE_SCHEMAS["application/json"]) => ({
  description,
  headers: {
    ...etagHeader,
    "Content-Disposition": { schema: str },
    Link: { description: `<${LICENSE.url}>; rel="license"`, schema: str },
  },
  content: Object.fromEntries(types.map((t) => [t, { schema: t === "application/json" ? json : FILE_SCHEMAS[t] }])),
});

const p = {
  q: {
    name: "q",
    in: "query",
    description:
      "Full-text and fuzzy search over names, acronyms and (for organizations) introductions; English or Chinese.",
    schema: { type: "string", maxLength: 200 },
  },
  country: {
    name: "country",
    in: "query",
    description: "ISO 3166-1 alpha-2 code (Hong Kong SAR is HK).",
    schema: { type: "string", pattern: "^[A-Za-z]{2}$" },
  },
  limit: {
    name: "limit",
    in: "query",
    description: "Items per page.",
    schema: { type: "integer", minimum: 1, maximum: API_MAX_LIMIT, default: API_DEFAULT_LIMIT },
  },
  cursor: {
    name: "cursor",
    in: "query",
    description: "The previous page's `page.nextCursor`, unchanged.",
    schema: str,
  },
  slug: { name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } },
  lang: {
    name: "lang",
    in: "query",
    description: "Language of the names.",
    schema: { type: "string", enum: ["en", "zh"], default: "en" },
  },
} as const;

const partialDate = obj({
  iso: {
    type: "string",
    pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
    description: "2016, 2018-05 or 2019-11-11: never more precise than the source.",
  },
  precision: { type: "string", enum: ["YEAR", "MONTH", "DAY"] },
});
const pageInfo = obj({
  limit: { type: "integer" },
  total: { type: "integer", description: "Items matching the filters, on all pages." },
  nextCursor: nstr,
});
const links = obj({ self: str, next: nstr });
const list = (item: string) =>
  obj({
    data: { type: "array", items: ref(item) },
    page: ref("PageInfo"),
    links: ref("Links"),
    license: { type: "string", const: LICENSE.url },
  });
const item = (schema: unknown) => obj({ data: schema, license: { type: "string", const: LICENSE.url } });

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Alliance Atlas read API",
    version: "1.0.0",
    summary:
      "International university alliances, their founders and members, with dates at the precision the sources give.",
    description:
      'Public, approved data only; no key needed. Lists are paged with opaque cursors (`page.nextCursor`, or `links.next`). Every 200 carries a strong ETag: send it as If-None-Match to get 304. GET, HEAD and OPTIONS are open to any origin (CORS); other methods answer 405. Errors are JSON: `{ "error": { "code", "message", "details"? } }`.',
    license: { name: LICENSE.name, identifier: LICENSE.id },
  },
  servers: [{ url: "/api/v1" }],
  tags: [{ name: "records" }, { name: "downloads" }, { name: "widget" }],
  paths: {
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
    "/institutions": {
      get: {
        tags: ["records"],
        operationId: "listInstitutions",
        summary: "Universities and other institutions, by slug.",
        parameters: [
          p.q,
          { name: "kind", in: "query", schema: { type: "string", enum: Object.values(InstitutionKind) } },
          p.country,
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
          "`dataset.csv` (memberships with both sides named), `organizations.csv`, `institutions.csv`, `dataset.json`, `dataset.jsonld` (schema.org Dataset) and `wikidata.qs` (QuickStatements: P463 with P580/P582 at the stored precision, for records with Wikidata items).",
        parameters: [
          {
            name: "file",
            in: "path",
            required: true,
            schema: {
              type: "string",
              enum: [
                "dataset.csv",
                "organizations.csv",
                "institutions.csv",
                "dataset.json",
                "dataset.jsonld",
                "wikidata.qs",
              ],
            },
          },
        ],
        responses: {
          "200": download("The file.", ["text/csv", "application/json", "application/ld+json", "text/plain"]),
          ...common,
          "404": errorResponse("No such file."),
        },
      },
    },
    "/export/organizations/{file}": {
      get: {
        tags: ["downloads"],
        operationId: "downloadOrganizationSlice",
        summary: "One organization's slice: its memberships and the institutions in them.",
        parameters: [
          {
            name: "file",
            in: "path",
            required: true,
            description: "`{slug}.csv`, `{slug}.json` or `{slug}.jsonld`.",
            schema: { type: "string", pattern: "^[a-z0-9-]+\\.(csv|json|jsonld)$" },
          },
        ],
        responses: {
          "200": download("The file.", ["text/csv", "application/json", "application/ld+json"]),
          ...common,
          "404": errorResponse("No organization has this slug."),
        },
      },
    },
    "/export/institutions/{file}": {
      get: {
        tags: ["downloads"],
        operationId: "downloadInstitutionSlice",
        summary: "One institution's slice: its memberships and the organizations in them.",
        parameters: [
          {
            name: "file",
            in: "path",
            required: true,
            description: "`{slug}.csv`, `{slug}.json` or `{slug}.jsonld`.",
            schema: { type: "string", pattern: "^[a-z0-9-]+\\.(csv|json|jsonld)$" },
          },
        ],
        responses: {
          "200": download("The file.", ["text/csv", "application/json", "application/ld+json"]),
          ...common,
          "404": errorResponse("No institution has this slug."),
        },
      },
    },
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
        summary: "A file of a release (manifest.json lists them).",
        parameters: [
          { name: "date", in: "path", required: true, schema: { type: "string", format: "date" } },
          { name: "file", in: "path", required: true, schema: str },
        ],
        responses: {
          "200": download("The file.", ["text/csv", "application/json", "application/ld+json", "text/plain"], {
            anyOf: [ref("DatasetDocument"), ref("ReleaseManifest")],
          }),
          ...common,
          "404": errorResponse("No such release or file."),
        },
      },
    },
    "/openapi.json": {
      get: {
        tags: ["records"],
        operationId: "getOpenApi",
        summary: "This document.",
        responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } },
      },
    },
  },
  components: {
    schemas: {
      PartialDate: partialDate,
      LocalizedName: obj({ en: str, zh: nstr }),
      Source: obj({ title: str, publisher: nstr, url: nstr }),
      Organization: obj({
        slug: str,
        url: { type: "string", format: "uri" },
        kind: { type: "string", enum: Object.values(OrganizationKind) },
        name: ref("LocalizedName"),
        acronym: nstr,
        founded: nullable(ref("PartialDate")),
        fields: { type: "array", items: { type: "string", enum: Object.values(Field) } },
        website: nstr,
        wikidataId: { type: ["string", "null"], pattern: "^Q[1-9][0-9]*$" },
        countries: { type: "array", items: str },
        memberCount: { type: "integer" },
        updatedAt: { type: "string", format: "date-time" },
      }),
      Institution: obj({
        slug: str,
        url: { type: "string", format: "uri" },
        kind: { type: "string", enum: Object.values(InstitutionKind) },
        name: ref("LocalizedName"),
        country: { type: "string", pattern: "^[A-Z]{2}$" },
        city: nstr,
        website: nstr,
        rorId: { type: ["string", "null"], pattern: "^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$" },
        wikidataId: { type: ["string", "null"], pattern: "^Q[1-9][0-9]*$" },
        membershipCount: { type: "integer" },
        updatedAt: { type: "string", format: "date-time" },
      }),
      Membership: obj({
        id: str,
        organization: obj({ slug: str, name: str, wikidataId: nstr }),
        institution: obj({ slug: str, name: str, country: str, wikidataId: nstr }),
        role: { type: "string", enum: Object.values(MembershipRole) },
        status: { type: "string", enum: Object.values(MembershipStatus) },
        joined: nullable(ref("PartialDate")),
        ended: nullable(ref("PartialDate")),
        notes: nstr,
        source: nullable(ref("Source")),
        updatedAt: { type: "string", format: "date-time" },
      }),
      PageInfo: pageInfo,
      Links: links,
      OrganizationList: list("Organization"),
      InstitutionList: list("Institution"),
      MembershipList: list("Membership"),
      OrganizationItem: item(ref("Organization")),
      InstitutionItem: item(ref("Institution")),
      WidgetItem: item(
        obj({
          institution: obj({ slug: str, name: str, url: str }),
          lang: { type: "string", enum: ["en", "zh"] },
          memberships: {
            type: "array",
            items: obj({
              organization: obj({ slug: str, name: str, acronym: nstr, kind: str, url: str }),
              foundedBy: { type: "array", items: obj({ slug: str, name: str }) },
              role: { type: "string", enum: Object.values(MembershipRole) },
              status: { type: "string", enum: Object.values(MembershipStatus) },
              joined: nullable(ref("PartialDate")),
              ended: nullable(ref("PartialDate")),
              source: nullable(obj({ title: str, url: nstr })),
            }),
          },
        }),
      ),
      Counts: obj({
        organizations: { type: "integer" },
        institutions: { type: "integer" },
        memberships: { type: "integer" },
      }),
      License: obj({
        id: { type: "string", const: LICENSE.id },
        name: str,
        url: { type: "string", const: LICENSE.url },
      }),
      ReleaseManifest: obj({
        date: { type: "string", format: "date" },
        createdAt: { type: "string", format: "date-time" },
        license: ref("License"),
        counts: ref("Counts"),
        files: {
          type: "array",
          items: obj({
            name: str,
            bytes: { type: "integer" },
            sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
            mediaType: str,
          }),
        },
      }),
      ReleaseList: item({ type: "array", items: ref("ReleaseManifest") }),
      DatasetDocument: obj({
        title: str,
        license: ref("License"),
        source: str,
        scope: {
          anyOf: [
            obj({ kind: { const: "all" } }),
            obj({ kind: { type: "string", enum: ["organization", "institution"] }, slug: str, name: str }),
          ],
        },
        modifiedAt: { type: "string", format: "date-time" },
        counts: ref("Counts"),
        organizations: { type: "array", items: ref("Organization") },
        institutions: { type: "array", items: ref("Institution") },
        memberships: { type: "array", items: ref("Membership") },
      }),
      Error: obj({
        error: obj(
          { code: str, message: str, details: { type: "object", additionalProperties: { type: "array", items: str } } },
          ["code", "message"],
        ),
      }),
    },
  },
} as const;

export type OpenApiOperation = {
  path: string;
  method: string;
  summary: string;
  description?: string;
  parameters: { name: string; in: string; description?: string }[];
};

/** The documented operations, in document order, for the human-readable page. */
export function listOperations(): OpenApiOperation[] {
  return Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as {
        summary: string;
        description?: string;
        parameters?: readonly { name: string; in: string; description?: string }[];
      };
      return {
        path,
        method: method.toUpperCase(),
        summary: o.summary,
        description: o.description,
        parameters: [...(o.parameters ?? [])],
      };
    }),
  );
}
