// Generators for fuzzing the server actions (tests/integration/fuzz-actions.test.ts): the fields of an
// action's zod schema, a plausible value for each (often a real id or slug of either university) and junk.
import fc from "fast-check";
import type { z } from "zod";
import { xssPayloads } from "./xss-corpus";

export type Field = { path: string; options?: string[] };
/** Real values of the database, both universities' mixed: `ids` by field name (membershipId, changeRequestId, userId),
 * `otherIds` for the rest. */
export type Pools = {
  ids: Record<string, string[]>;
  otherIds: string[];
  slugs: string[];
  emails: string[];
  versions: string[];
  tokens: string[];
};

type Def = {
  type: string;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string>;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every leaf field of a schema as a dotted path (the form's field names), with an enum's options. */
export function fieldsOf(schema: z.ZodType, prefix = ""): Field[] {
  const def = defOf(schema);
  if (def.type === "object") {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    return Object.entries(shape).flatMap(([key, child]) => fieldsOf(child, prefix ? `${prefix}.${key}` : key));
  }
  if (def.type === "pipe") return fieldsOf(def.in!, prefix);
  if (def.type === "optional" || def.type === "nullable" || def.type === "default")
    return fieldsOf(def.innerType!, prefix);
  // A list sent as numbered fields (membershipIds.0, membershipIds.1, …: a form's checkboxes): two rows of it.
  if (def.type === "record" && defOf(def.valueType!).type !== "object")
    return [0, 1].flatMap((i) => fieldsOf(def.valueType!, `${prefix}.${i}`));
  if (def.type === "enum") return [{ path: prefix, options: Object.values(def.entries ?? {}).map(String) }];
  return [{ path: prefix }];
}

const hex = fc.stringMatching(/^[0-9a-f]{6}$/);

/** A value a real form could hold for this field: real ids and slugs of either university, valid shapes. */
export function plausible(field: Field, pools: Pools): fc.Arbitrary<unknown> {
  const segments = field.path.split(".");
  // A numbered row of a list is one of its items: membershipIds.0 is a membershipId.
  const key = /^\d+$/.test(segments.at(-1)!) ? segments.at(-2)!.replace(/s$/, "") : segments.at(-1)!;
  const pick = (values: string[]) => (values.length ? fc.constantFrom(...values) : fc.constant(""));
  if (field.options) return fc.oneof(fc.constantFrom(...field.options), fc.constant(""));
  if (/Id$/.test(key) && !/^(ror|wikidata)Id$/.test(key))
    return fc.oneof(
      { weight: 4, arbitrary: pick(pools.ids[key] ?? pools.otherIds) },
      { weight: 1, arbitrary: pick(pools.otherIds) },
    );
  if (/Slug$/.test(key)) return fc.oneof(pick(pools.slugs), fc.constant(""));
  if (key === "baseVersion") return fc.oneof(pick(pools.versions), fc.constantFrom("1", "2"));
  if (key === "email")
    return fc.oneof(
      pick(pools.emails),
      hex.map((h) => `fuzz-${h}@example.org`),
    );
  if (key === "token") return fc.oneof(pick(pools.tokens), fc.constant("x".repeat(40)));
  if (key === "password" || key === "confirm") return fc.constantFrom("a brand new passphrase", "short");
  if (key === "disabled") return fc.constantFrom("on", "", "true");
  if (key === "country") return fc.constantFrom("CN", "HK", "cn", "ZZ");
  if (/^(joined|ended|founded)$/.test(key)) return fc.constantFrom("2016", "May 2018", "Nov 11, 2019", "2016年5月", "");
  if (/^(sourceUrl|website)$/.test(key))
    return fc.constantFrom("https://example.org/source", "", "http://example.org/a b");
  // A webhook's address: public (an IP literal, so no DNS is needed), private, loopback over http, or none.
  if (key === "url")
    return fc.constantFrom("https://93.184.215.14/fuzz", "https://10.0.0.1/hook", "http://127.0.0.1:9/hook", "");
  if (key === "rorId") return fc.constantFrom("00f1zfq44", "https://ror.org/00f1zfq44", "");
  if (key === "wikidataId") return fc.constantFrom("Q1234", "https://www.wikidata.org/wiki/Q42", "");
  return fc.oneof(
    hex.map((h) => `Fuzz text ${h}`),
    fc.constant(""),
    fc.string({ maxLength: 30 }),
  );
}

const SQL = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '\'; DROP TABLE "User"; --',
  '1; DELETE FROM "Membership"',
  '" OR ""="',
  '1\' UNION SELECT email, "passwordHash" FROM "User" --',
  "%' AND 1=0 UNION SELECT NULL --",
  "'||pg_sleep(5)||'",
  "$$; SELECT 1; $$",
  "\\'; --",
  "1e309",
  "0x7fffffff",
];
const DATES = [
  "2019-02-30",
  "2019-13-01",
  "0000",
  "0000-00-00",
  "99999",
  "-2016",
  "2016-5-",
  "Feb 30, 2020",
  "Smarch 2020",
  "1e3",
  "NaN",
  "Infinity",
  "2016年13月",
  "9999-12-31",
  "1900-01-01T00:00:00Z",
  "２０１６",
];
const IDS = [
  "00000000-0000-0000-0000-000000000000",
  "clzzzzzzzzzzzzzzzzzzzzzzz",
  "0",
  "-1",
  "9".repeat(39),
  "null",
  "undefined",
  "[object Object]",
  "../../etc/passwd",
  "*",
  "%",
];
const CONTROL = [
  "abc\u0000def",
  "\u0000",
  "\u202Eevil",
  "\uFEFF",
  "\uD800",
  "\uDFFF lone",
  "line\r\nbreak",
  "\u0007\u0008\u001b[31m",
  "\t\t",
  "  ",
  "\u2028\u2029",
  "e\u0301\u0301\u0301",
];

/** A plausible value with something nasty added: a control character, an SQL or XSS payload, or a lot more text. */
export function tainted(field: Field, pools: Pools): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      plausible(field, pools),
      fc.constantFrom(...CONTROL, ...SQL, ...xssPayloads.slice(0, 12), "x".repeat(3000)),
      fc.boolean(),
    )
    .map(([value, extra, before]) => (typeof value === "string" ? (before ? extra + value : value + extra) : value));
}

/** Junk: wrong types, huge strings, control characters, invalid dates, unknown ids, SQL and XSS payloads. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  ),
  fc
    .tuple(fc.constantFrom(2_001, 5_001, 70_000, 1_000_000), fc.constantFrom("A", "é", "𝕏", "\u0000", "<", " "))
    .map(([n, c]) => c.repeat(n)),
  fc.oneof(
    fc.constantFrom(...CONTROL),
    fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  ),
  fc.constantFrom(...DATES),
  fc.oneof(fc.constantFrom(...IDS), fc.string({ minLength: 20, maxLength: 30 })),
  fc.constantFrom(...SQL),
  fc.constantFrom(...xssPayloads),
  fc.string({ unit: "binary", maxLength: 40 }),
);
