import { z } from "zod";
import { ValidationError } from "../../shared/errors";
import {
  DEFAULT_CANDIDATES,
  EXTEND_PROPERTIES,
  type ExtendPropertyId,
  INCLUDE_ENDED_SETTING,
  MATCH_PROPERTIES,
  MAX_BATCH,
  MAX_CANDIDATES,
  type MatchPropertyId,
  RECONCILE_TYPES,
  type ReconcileType,
} from "./service";

// The reconciliation service's input: the `queries` and `extend` JSON of a GET parameter or POST form field,
// checked before anything is looked up. Each failure is a ValidationError naming the query and what is wrong.

/** A property value as the specification allows it: text, number, boolean or a reconciled entity `{ id }`. */
const propertyValue = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.object({ id: z.string().max(300), name: z.string().max(500).optional() }),
]);

const querySchema = z
  .object({
    query: z.string().max(500).optional(),
    type: z.union([z.string(), z.array(z.string()).max(2)]).optional(),
    limit: z.number().int().min(1).max(MAX_CANDIDATES).optional(),
    properties: z
      .array(z.object({ pid: z.string(), v: z.union([propertyValue, z.array(propertyValue).max(20)]) }))
      .max(10)
      .optional(),
    type_strict: z.enum(["any", "should", "all"]).optional(),
  })
  .strict();

export type ReconcileProperty = { pid: MatchPropertyId; values: string[] };
export type ReconcileQuery = {
  key: string;
  query: string;
  types: ReconcileType[];
  limit: number;
  properties: ReconcileProperty[];
};

const TYPE_IDS = new Set<string>(RECONCILE_TYPES.map((t) => t.id));
const MATCH_IDS = new Set<string>(MATCH_PROPERTIES.map((p) => p.id));
const EXTEND_IDS = new Set<string>(EXTEND_PROPERTIES.map((p) => p.id));

function parseJson(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(`${field} is not valid JSON.`, { [field]: [`${field} is not valid JSON.`] });
  }
}

function fail(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/** A type as a query names it: `institution`, `Institution`, or the type id with this service's URL. */
export function parseTypeId(field: string, raw: string): ReconcileType {
  const id = raw.trim().toLowerCase();
  if (!TYPE_IDS.has(id)) fail(field, `${field}: unknown type “${raw}” (types: institution, organization).`);
  return id as ReconcileType;
}

function valueText(v: z.infer<typeof propertyValue>): string {
  return typeof v === "object" ? v.id : String(v);
}

/** `queries`: a JSON object of named queries (q0…qN), at most MAX_BATCH of them. */
export function parseQueries(text: string): ReconcileQuery[] {
  const json = parseJson("queries", text);
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    fail("queries", 'queries must be a JSON object of named queries, such as {"q0": {"query": "…"}}.');
  }
  const entries = Object.entries(json);
  if (entries.length === 0) fail("queries", "queries holds no query.");
  if (entries.length > MAX_BATCH) {
    fail("queries", `queries holds ${entries.length} queries; a batch may hold at most ${MAX_BATCH}.`);
  }
  return entries.map(([key, raw]) => {
    const parsed = querySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `.${issue.path.join(".")}` : "";
      fail(`queries.${key}`, `Query ${key}${where}: ${issue?.message ?? "invalid"}.`);
    }
    const q = parsed.data;
    const properties = (q.properties ?? []).map(({ pid, v }) => {
      if (!MATCH_IDS.has(pid)) {
        fail(`queries.${key}`, `Query ${key}: unknown property “${pid}” (properties: ${[...MATCH_IDS].join(", ")}).`);
      }
      const values = (Array.isArray(v) ? v : [v])
        .map(valueText)
        .map((s) => s.trim())
        .filter(Boolean);
      return { pid: pid as MatchPropertyId, values };
    });
    const query = (q.query ?? "").trim();
    if (!query) fail(`queries.${key}`, `Query ${key}: query (the name to look for) is empty.`);
    const types = q.type === undefined ? [] : Array.isArray(q.type) ? q.type : [q.type];
    return {
      key,
      query,
      types: types.map((t) => parseTypeId(`queries.${key}`, t)),
      limit: q.limit ?? DEFAULT_CANDIDATES,
      properties: properties.filter((p) => p.values.length > 0),
    };
  });
}

/** A record id of this service: `institution/<slug>` or `organization/<slug>`. */
export type RecordId = { type: ReconcileType; slug: string };
const ID_PATTERN = /^(institution|organization)\/([a-z0-9][a-z0-9-]{0,199})$/;

export function parseRecordId(raw: string): RecordId | null {
  const m = ID_PATTERN.exec(raw.trim());
  return m ? { type: m[1] as ReconcileType, slug: m[2]! } : null;
}

export function recordId(type: ReconcileType, slug: string): string {
  return `${type}/${slug}`;
}

const extendSchema = z
  .object({
    ids: z.array(z.string().max(300)).min(1).max(MAX_BATCH),
    properties: z
      .array(z.object({ id: z.string(), settings: z.record(z.string(), z.unknown()).optional() }))
      .min(1)
      .max(EXTEND_PROPERTIES.length),
  })
  .strict();

export type ExtendRequest = { ids: RecordId[]; properties: ExtendPropertyId[]; includeEnded: boolean };

/** `extend`: `{ ids, properties: [{ id, settings? }] }`, at most MAX_BATCH ids. */
export function parseExtend(text: string): ExtendRequest {
  const parsed = extendSchema.safeParse(parseJson("extend", text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `.${issue.path.join(".")}` : "";
    fail("extend", `extend${where}: ${issue?.message ?? "invalid"} (at most ${MAX_BATCH} ids).`);
  }
  const ids = parsed.data.ids.map((raw) => {
    const id = parseRecordId(raw);
    if (!id) fail("extend", `extend: “${raw}” is not an id of this service (institution/<slug>, organization/<slug>).`);
    return id;
  });
  const properties = parsed.data.properties.map((p) => {
    if (!EXTEND_IDS.has(p.id)) {
      fail("extend", `extend: unknown property “${p.id}” (properties: ${[...EXTEND_IDS].join(", ")}).`);
    }
    return p.id as ExtendPropertyId;
  });
  const includeEnded = parsed.data.properties.some((p) =>
    [true, "true"].includes(p.settings?.[INCLUDE_ENDED_SETTING] as string),
  );
  return { ids, properties, includeEnded };
}
