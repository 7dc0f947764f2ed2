// What the reconciliation service (W3C Reconciliation API 0.2, as OpenRefine 3.x speaks it) offers: its types,
// the properties a query may compare and an extension may fetch, its limits, and the manifest that says so.

/** Ids are the record's type and slug, `institution/<slug>` or `organization/<slug>`: slugs of the two may clash. */
export const RECONCILE_TYPES = [
  { id: "institution", name: "Institution", description: "A university, academy or other member institution" },
  { id: "organization", name: "Organization", description: "An alliance, network or association of institutions" },
] as const;
export type ReconcileType = (typeof RECONCILE_TYPES)[number]["id"];

/** The most queries one batch may hold, and ids one extension may ask for (OpenRefine sends 10 by default). */
export const MAX_BATCH = 50;
/** Candidates a query gets back by default, and at most (the type-ahead's own maximum). */
export const DEFAULT_CANDIDATES = 5;
export const MAX_CANDIDATES = 20;
/** The preview card's frame, as the manifest declares it. */
export const PREVIEW_SIZE = { width: 400, height: 130 } as const;

/** Properties a query may give (`pid`) to raise or lower candidates' scores. */
export const MATCH_PROPERTIES = [
  { id: "country", name: "Country", description: "ISO 3166-1 code (HK, CN) or name (Hong Kong, China)" },
  { id: "kind", name: "Kind", description: "UNIVERSITY, ACADEMY, NETWORK, ALLIANCE…" },
  {
    id: "website",
    name: "Website or email domain",
    description: "https://www.cuhk.edu.hk, cuhk.edu.hk, a@cuhk.edu.hk",
  },
  { id: "member_of", name: "Member of", description: "An organization's id (organization/<slug>) or name" },
] as const;
export type MatchPropertyId = (typeof MATCH_PROPERTIES)[number]["id"];

/** Properties a data extension may fetch. */
export const EXTEND_PROPERTIES = [
  { id: "country", name: "Country", description: "ISO 3166-1 alpha-2 code (institutions)" },
  { id: "kind", name: "Kind", description: "UNIVERSITY, NETWORK…" },
  { id: "website", name: "Website", description: "The official website" },
  { id: "ror", name: "ROR id", description: "https://ror.org/… (institutions)" },
  { id: "wikidata", name: "Wikidata id", description: "Q… item" },
  { id: "member_of", name: "Member of", description: "Each organization the institution is a member of" },
  { id: "member_since", name: "Member since", description: "Start of each membership, at its precision" },
] as const;
export type ExtendPropertyId = (typeof EXTEND_PROPERTIES)[number]["id"];

/** The one extension setting: ended memberships are left out of member_of/member_since unless asked for. */
export const INCLUDE_ENDED_SETTING = "include_ended";

/** The service manifest (GET /api/reconcile without a query): URLs absolute on this site. */
export function reconcileManifest(siteUrl: string) {
  const site = siteUrl.replace(/\/+$/, "");
  const base = `${site}/api/reconcile`;
  return {
    versions: ["0.2"],
    name: "Alliance Atlas: university alliances and their members",
    // Both spaces resolve when an id is appended: a record's id to its page, a type's id to its properties.
    identifierSpace: `${base}/view?id=`,
    schemaSpace: `${base}/properties?type=`,
    documentation: `${site}/en/data#reconciliation`,
    view: { url: `${base}/view?id={{id}}` },
    defaultTypes: RECONCILE_TYPES.map(({ id, name }) => ({ id, name })),
    preview: { url: `${base}/preview?id={{id}}`, ...PREVIEW_SIZE },
    suggest: {
      entity: { service_url: site, service_path: "/api/reconcile/suggest/entity" },
      type: { service_url: site, service_path: "/api/reconcile/suggest/type" },
      property: { service_url: site, service_path: "/api/reconcile/suggest/property" },
    },
    extend: {
      propose_properties: { service_url: site, service_path: "/api/reconcile/properties" },
      property_settings: [
        {
          type: "checkbox",
          name: INCLUDE_ENDED_SETTING,
          label: "Include ended memberships",
          default: false,
          help_text: "Member of / Member since: also list memberships that have ended or been withdrawn.",
        },
      ],
    },
  };
}
