import type { z } from "zod";
import type { Actor } from "../shared/actor";

/**
 * What every action returns to its form: every field's errors, each shown next to its field. `handOver` is a
 * link for the person who submitted the form to pass on (an invitation that could not be mailed): it lives
 * only in this answer to that person's request, and nowhere else.
 */
export type ActionState = {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string[]>;
  handOver?: string;
};

export const initialActionState: ActionState = { ok: false, message: null, fieldErrors: {} };

export type ActionResult = { message: string; tags?: string[]; redirectTo?: string; handOver?: string };

/** Where an action runs: the client's address (lib/auth/session.ts clientAddressFrom) and work to do after the answer. */
export type ActionContext = { clientAddress: string; later: (task: () => Promise<void>) => void | Promise<void> };

/**
 * A server action's definition: its input schema and what it does for an actor. Every action is listed in
 * lib/actions/registry.ts, which the authorization matrix test walks.
 */
export type ActionDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  run: (actor: Actor | null, input: z.infer<S>, locale: string, context: ActionContext) => Promise<ActionResult>;
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
      if (!next || typeof next !== "object") node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return out;
}
