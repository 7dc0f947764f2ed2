import type { z } from "zod";
import type { Actor } from "../auth-types";

/** What every action returns to its form: every field's errors, each shown next to its field. */
export type ActionState = { ok: boolean; message: string | null; fieldErrors: Record<string, string[]> };

export const initialActionState: ActionState = { ok: false, message: null, fieldErrors: {} };

export type ActionResult = { message: string; tags?: string[]; redirectTo?: string };

/**
 * A server action's definition: its input schema and what it does for an actor. Every action is listed in
 * lib/actions/registry.ts, which the authorization matrix test walks.
 */
export type ActionDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  run: (actor: Actor | null, input: z.infer<S>, locale: string) => Promise<ActionResult>;
};

export function defineAction<S extends z.ZodType>(definition: ActionDefinition<S>): ActionDefinition<S> {
  return definition;
}

/** FormData → nested object: "values.role" becomes { values: { role } }. Files and repeated keys are refused. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const path = key.split(".").slice(0, 4);
    if (path.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (next && typeof next === "object" ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return out;
}
