import { API_DEFAULT_LIMIT, API_MAX_LIMIT } from "../../validation/api";
import { LICENSE } from "../license";

// Small builders the OpenAPI document is written with: references, objects, responses and the shared parameters.

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: "null" }] });
export const str = { type: "string" } as const;
export const nstr = { type: ["string", "null"] } as const;
export const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
export const json = (schema: unknown) => ({ "application/json": { schema } });

export const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
export const notModified = { description: "Not modified: the If-None-Match header named the current ETag." };
export const common = {
  "304": notModified,
  "400": errorResponse("A parameter is invalid, unknown or repeated: `details` names each."),
  "405": errorResponse("Any method but GET, HEAD and OPTIONS."),
};
export const etagHeader = {
  ETag: { description: "Strong validator of the body; send it back in If-None-Match.", schema: str },
};
export const ok = (description: string, schemaName: string) => ({
  description,
  headers: etagHeader,
  content: json(ref(schemaName)),
});
export const FILE_SCHEMAS: Record<string, unknown> = {
  "text/csv": { type: "string", description: "RFC 4180, UTF-8, with a header row." },
  "text/plain": { type: "string", description: "QuickStatements v1, one command per line." },
  "application/json": ref("DatasetDocument"),
  // A JSON-LD document is open-ended (any schema.org type may appear in @graph), so only its two keys are
  // described; a `required` name must be a declared property (redocly's no-required-schema-properties-undefined).
  "application/ld+json": {
    type: "object",
    properties: {
      "@context": { description: "The schema.org context." },
      "@graph": { type: "array", description: "The Dataset node, then one node per record." },
    },
    required: ["@context", "@graph"],
    description: "schema.org Dataset (with its license) and the records.",
  },
};
export const download = (description: string, types: string[], json: unknown = FILE_SCHEMAS["application/json"]) => ({
  description,
  headers: {
    ...etagHeader,
    "Content-Disposition": { schema: str },
    Link: { description: `<${LICENSE.url}>; rel="license"`, schema: str },
  },
  content: Object.fromEntries(types.map((t) => [t, { schema: t === "application/json" ? json : FILE_SCHEMAS[t] }])),
});

export const p = {
  bom: {
    name: "bom",
    in: "query",
    description:
      "`1`: the CSV starts with a UTF-8 byte-order mark, so that Excel opens Chinese text intact. Without it the " +
      "CSV is plain UTF-8 with no byte-order mark. CSV files only.",
    schema: { type: "string", enum: ["1"] },
  },
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

export const partialDate = obj({
  iso: {
    type: "string",
    pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
    description: "2016, 2018-05 or 2019-11-11: never more precise than the source.",
  },
  precision: { type: "string", enum: ["YEAR", "MONTH", "DAY"] },
});
export const pageInfo = obj({
  limit: { type: "integer" },
  total: { type: "integer", description: "Items matching the filters, on all pages." },
  nextCursor: nstr,
});
export const links = obj({ self: str, next: nstr });
export const list = (item: string) =>
  obj({
    data: { type: "array", items: ref(item) },
    page: ref("PageInfo"),
    links: ref("Links"),
    license: { type: "string", const: LICENSE.url },
  });
export const item = (schema: unknown) => obj({ data: schema, license: { type: "string", const: LICENSE.url } });

/** A record's schema.org JSON-LD: the node its page embeds, in the page's language. */
export function recordJsonLd(record: "organization" | "institution", operationId: string, summary: string) {
  return {
    get: {
      tags: ["records"],
      operationId,
      summary,
      description:
        `Where the ${record}'s page \`/{locale}/${record}s/{slug}\` sends a client that asks it for ` +
        "`application/ld+json` (a 303 See Other). `@id` is the page's address in the language asked for.",
      parameters: [p.slug, p.lang],
      responses: {
        "200": {
          description: "The schema.org node.",
          headers: etagHeader,
          content: {
            "application/ld+json": {
              schema: {
                type: "object",
                properties: {
                  "@context": { type: "string", const: "https://schema.org" },
                  "@type": { type: "string" },
                  "@id": { type: "string", format: "uri" },
                  url: { type: "string", format: "uri" },
                  name: str,
                },
                required: ["@context", "@type", "@id", "url", "name"],
                description:
                  record === "organization"
                    ? "schema.org Organization with its founders and members."
                    : "schema.org CollegeOrUniversity (or Organization) with memberOf.",
              },
            },
          },
        },
        ...common,
        "404": errorResponse(`No ${record} has this slug.`),
      },
    },
  };
}
