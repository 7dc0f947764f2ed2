import { Field, InstitutionKind, MembershipRole, MembershipStatus, OrganizationKind } from "../../shared/enums";
import { LICENSE } from "../license";
import { MATCHING_TYPES } from "../../shared/affiliation-match";
import { changesSchemas } from "./changes";
import { ref, nullable, str, nstr, obj, partialDate, pageInfo, links, list, item } from "./builders";
import { periodSchema, periodsSchema } from "./periods";

/** The shapes the operations answer with (components.schemas), each response validated against them in tests. */
export const components = {
  schemas: {
    ...changesSchemas,
    PartialDate: partialDate,
    LocalizedName: obj({ en: str, zh: nstr }),
    Source: obj({ title: str, publisher: nstr, url: nstr }),
    Period: periodSchema,
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
      sources: obj({
        name: nullable(ref("Source")),
        city: nullable(ref("Source")),
        website: nullable(ref("Source")),
        rorId: nullable(ref("Source")),
        wikidataId: nullable(ref("Source")),
      }),
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
      periods: periodsSchema,
      sides: obj({
        state: {
          type: "string",
          enum: ["BOTH", "DISAGREE", "ORGANIZATION_ONLY", "INSTITUTION_ONLY", "NEITHER"],
          description:
            "BOTH: the university confirmed the membership and the organization's own, independent statement " +
            "agrees (dates at the coarser precision); DISAGREE: both state it and a fact differs; otherwise the " +
            "side that alone states it. A statement made from the member's own email domain never makes BOTH.",
        },
        institutionConfirmedOn: { type: ["string", "null"], format: "date" },
        organization: nullable(
          obj({
            role: { type: ["string", "null"], enum: [...Object.values(MembershipRole), null] },
            status: { type: ["string", "null"], enum: [...Object.values(MembershipStatus), null] },
            joined: nullable(ref("PartialDate")),
            ended: nullable(ref("PartialDate")),
            statedByMember: { type: "boolean" },
            source: nullable(ref("Source")),
          }),
        ),
      }),
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
    Credit: obj({
      name: str,
      publisher: str,
      url: str,
      license: str,
      licenseUrl: str,
      copyright: str,
      covers: str,
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
      credits: { type: "array", items: ref("Credit") },
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
    SuggestItem: obj({
      type: { type: "string", enum: ["organization", "institution"] },
      slug: str,
      name: { ...str, description: "The display name in the asked language." },
      matched: { ...str, description: "The name that matched: a former name, another language's, an acronym…" },
      matchedKind: { type: "string", enum: ["official", "alternate", "former", "acronym"] },
      acronym: nstr,
      country: { type: ["string", "null"], description: "Institutions' ISO 3166-1 alpha-2 code." },
      countryName: {
        type: ["string", "null"],
        description: 'The institution\'s country or region, named in the asked language ("Hong Kong SAR", "中国香港").',
      },
      kind: { type: "string", enum: [...Object.values(OrganizationKind), ...Object.values(InstitutionKind)] },
      url: { ...str, description: "The record's page on this portal, in the asked language." },
    }),
    SuggestResponse: obj({ query: str, items: { type: "array", items: ref("SuggestItem") } }),
    MatchMembership: obj({
      organization: obj({ slug: str, name: str }),
      role: { type: "string", enum: Object.values(MembershipRole) },
      status: { type: "string", enum: Object.values(MembershipStatus) },
      joined: nullable(ref("PartialDate")),
      ended: nullable(ref("PartialDate")),
    }),
    MatchRecord: obj(
      {
        id: str,
        slug: str,
        type: { const: "institution" },
        kind: { type: "string", enum: Object.values(InstitutionKind) },
        name: str,
        country: { type: "string", pattern: "^[A-Z]{2}$" },
        url: { type: "string", format: "uri" },
        memberships: {
          type: "array",
          items: ref("MatchMembership"),
          description:
            "Only when `date` is given: the memberships in force that day; for a member that left and rejoined, " +
            "with the dates of the period in force.",
        },
      },
      ["id", "slug", "type", "kind", "name", "country", "url"],
    ),
    MatchItem: obj({
      score: { type: "number", minimum: 0, maximum: 1 },
      matching_type: { type: "string", enum: [...MATCHING_TYPES] },
      chosen: { type: "boolean" },
      substring: { ...str, description: "The part of the affiliation that matched, as written." },
      record: ref("MatchRecord"),
    }),
    MatchResponse: obj({
      affiliation: str,
      date: { type: ["string", "null"], format: "date" },
      number_of_results: { type: "integer", minimum: 0 },
      items: { type: "array", items: ref("MatchItem") },
    }),
    // The data package follows the Frictionless specs (the tests validate it with their own library); these
    // schemas check what this API promises of it, and leave room for what the specs allow besides.
    TableSchemaField: {
      type: "object",
      properties: {
        name: str,
        type: { type: "string", enum: ["string", "integer", "date", "datetime"] },
        format: { type: "string", enum: ["default", "uri", "any"] },
        description: str,
        constraints: { type: "object" },
      },
      required: ["name", "type", "format", "description"],
    },
    DataResource: {
      type: "object",
      properties: {
        profile: { const: "tabular-data-resource" },
        name: { type: "string", enum: ["organizations", "institutions", "memberships"] },
        path: { type: "string", format: "uri", description: "The CSV file's absolute URL." },
        title: str,
        description: str,
        format: { const: "csv" },
        mediatype: { const: "text/csv" },
        encoding: { const: "utf-8" },
        bytes: { type: "integer", description: "In a release only: the file's size." },
        hash: { type: "string", pattern: "^sha256:[0-9a-f]{64}$", description: "In a release only." },
        dialect: { type: "object" },
        schema: {
          type: "object",
          properties: {
            fields: { type: "array", items: ref("TableSchemaField") },
            missingValues: { type: "array", items: str },
            primaryKey: str,
            foreignKeys: { type: "array", items: { type: "object" } },
          },
          required: ["fields", "primaryKey"],
        },
      },
      required: ["profile", "name", "path", "format", "mediatype", "encoding", "schema"],
    },
    DataPackage: {
      type: "object",
      description: "A Frictionless Tabular Data Package descriptor.",
      properties: {
        profile: { const: "tabular-data-package" },
        name: { const: "alliance-atlas" },
        id: { type: "string", format: "uri" },
        title: str,
        description: str,
        homepage: { type: "string", format: "uri" },
        version: { type: "string", format: "date", description: "In a release only: its date." },
        created: { type: "string", format: "date-time" },
        keywords: { type: "array", items: str },
        licenses: { type: "array", items: obj({ name: str, path: { type: "string", format: "uri" }, title: str }) },
        sources: { type: "array", items: obj({ title: str, path: { type: "string", format: "uri" } }) },
        contributors: { type: "array", items: obj({ title: str, role: str, path: { type: "string", format: "uri" } }) },
        resources: { type: "array", items: ref("DataResource"), minItems: 3, maxItems: 3 },
      },
      required: ["profile", "name", "title", "created", "licenses", "sources", "contributors", "resources"],
    },
    DcatCatalog: {
      type: "object",
      description: "A W3C DCAT 3 catalog in JSON-LD (dcat:Catalog → dcat:Dataset → dcat:Distribution).",
      properties: {
        "@context": { type: "object" },
        "@id": { type: "string", format: "uri" },
        "@type": { const: "dcat:Catalog" },
        "dcat:dataset": { type: "array", items: { type: "object" } },
        "dcat:service": { type: "array", items: { type: "object" } },
      },
      required: ["@context", "@id", "@type", "dcat:dataset", "dcat:service"],
    },
    Error: obj({
      error: obj(
        { code: str, message: str, details: { type: "object", additionalProperties: { type: "array", items: str } } },
        ["code", "message"],
      ),
    }),
  },
} as const;
