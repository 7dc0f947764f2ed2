// The W3C Reconciliation API 0.2 schemas (tests/fixtures/reconciliation-0.2, copied from the specification's
// repository), compiled with ajv offline: each is registered under its own $id, so every $ref resolves here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const DIR = path.join(process.cwd(), "tests/fixtures/reconciliation-0.2");

export type ReconciliationSchema =
  | "manifest"
  | "reconciliation-query-batch"
  | "reconciliation-result-batch"
  | "suggest-entities-response"
  | "suggest-types-response"
  | "suggest-properties-response"
  | "data-extension-query"
  | "data-extension-response"
  | "data-extension-property-proposal";

function load(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The manifest's optional `authentication` refers to Swagger 2.0's schema; ours declares none (README here).
  ajv.addSchema({
    $id: "http://swagger.io/v2/schema.json",
    definitions: { securityDefinitions: { additionalProperties: false } },
  });
  const ids = new Map<string, string>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".json"))) {
    // "http://json-schema.org/schema#" names no draft ajv knows; the schemas are valid draft-07.
    const { $schema: _unversioned, ...schema } = JSON.parse(readFileSync(path.join(DIR, file), "utf8"));
    ajv.addSchema(schema);
    ids.set(file.replace(/\.json$/, ""), schema.$id as string);
  }
  const compiled = new Map<string, ValidateFunction>();
  for (const [name, id] of ids) compiled.set(name, ajv.getSchema(id) as ValidateFunction);
  return compiled;
}

let validators: Map<string, ValidateFunction> | undefined;

/** The errors of `value` against one of the specification's schemas (an empty list when it conforms). */
export function reconciliationErrors(schema: ReconciliationSchema, value: unknown): string[] {
  validators ??= load();
  const validate = validators.get(schema);
  if (!validate) throw new Error(`No schema ${schema} in tests/fixtures/reconciliation-0.2`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
