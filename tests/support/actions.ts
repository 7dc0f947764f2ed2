// Every server action the portal exports, found by globbing lib/actions: a new action is in the authorization
// matrix and the fuzzing without being listed anywhere, and the matrix fails until it has a row.
import type { ActionDefinition } from "@/lib/actions/action";

// Each "use server" file under lib/actions; action.ts (the factory) and state.ts (the client's types) aside.
const modules = import.meta.glob<Record<string, unknown>>([
  "/lib/actions/**/*.ts",
  "!/lib/actions/action.ts",
  "!/lib/actions/state.ts",
]);

function definitionOf(value: unknown): ActionDefinition | undefined {
  if (typeof value !== "function" || !("definition" in value)) return undefined;
  return value.definition as ActionDefinition;
}

/**
 * Each exported action's definition by name ("inviteUser" for inviteUserAction), in the order of their names
 * (the fuzzing's seed depends on the order, and files may move), with lib/actions/action.ts's runner of the
 * same load. Loaded when called, never by a static import: lib/env.ts reads the environment once, and the
 * actions' imports read it as they load, so a test chooses its database (db.ts) and variables (app-env.ts)
 * first. Throws on an export not built by action(), or named otherwise than its definition: such an action
 * would escape the matrix.
 */
export async function loadActions() {
  const { formToObject, runDefinition } = await import("@/lib/actions/action");
  const found = new Map<string, ActionDefinition>();
  for (const [file, load] of Object.entries(modules)) {
    for (const [exportName, value] of Object.entries(await load())) {
      const definition = definitionOf(value);
      if (!definition) throw new Error(`${file} exports ${exportName}, which is not built by action()`);
      if (exportName !== `${definition.name}Action`)
        throw new Error(`${file} exports ${exportName} for the action named ${definition.name}`);
      if (found.has(definition.name)) throw new Error(`Two actions are named ${definition.name}`);
      found.set(definition.name, definition);
    }
  }
  if (found.size === 0) throw new Error("No server action found under lib/actions");
  const actions: Record<string, ActionDefinition> = Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { actions, runDefinition, formToObject };
}
