import "server-only";
import { randomInt } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { refresh } from "next/cache";
import type { z } from "zod";
import type { Locale } from "../../i18n/routing";
import { clientAddressFrom, getCurrentUser } from "../auth/session";
import { expireTags } from "../cache/read-cache";
import { rememberLocale } from "../data/accounts/locale";
import { checkOriginAgainstSite } from "../http/origin";
import type { Actor } from "../shared/actor";
import { AppError, ValidationError, addFieldError } from "../shared/errors";
import { controlCharacterErrors } from "../validation/input";
import { formMessage, formParseOptions, issueFieldErrors, translateWritten } from "../validation/issue-messages";
import type { ActionState } from "./state";

export type ActionResult = {
  message: string;
  tags?: string[];
  redirectTo?: string;
  handOver?: string;
  /** Lines under the message, already in the form's language (what happened to each of several items). */
  details?: string[];
};

/** Where an action runs: the client's address (session.ts clientAddressFrom) and work to do after the answer. */
export type ActionContext = { clientAddress: string; later: (task: () => Promise<void>) => void | Promise<void> };

/** What an action is: its input schema and what it does for an actor. `name` labels its log lines. */
export type ActionDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  run: (actor: Actor | null, input: z.infer<S>, locale: Locale, context: ActionContext) => Promise<ActionResult>;
};

/**
 * A server action as exported from a "use server" file. Its definition rides along so that tests run the
 * action outside Next (no request, no session): tests/support/actions.ts collects them. The client receives a
 * reference to the function only, never this property.
 */
export type ServerAction<S extends z.ZodType = z.ZodType> = ((
  state: ActionState,
  formData: FormData,
) => Promise<ActionState>) & { definition: ActionDefinition<S> };

/** Outside a request (tests, scripts): no client address, and work meant for after the answer runs first. */
const inline: ActionContext = { clientAddress: "unknown", later: (task) => task() };

/**
 * Work for after the answer (a reset link's lookup and mail), begun at a random moment within the next second:
 * started at once, its load would slow the client's next request only when there was work to do (an account
 * to mail), which tells a quick follow-up request what the answer did not.
 */
function afterAtRandom(task: () => Promise<void>) {
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, randomInt(1000)));
    await task();
  });
}

/**
 * The one wrapper every server action goes through: origin → session → zod → data layer → expire tags →
 * redirect. Declare each action once with it, as one export of a "use server" file under lib/actions.
 */
export function action<S extends z.ZodType>(definition: ActionDefinition<S>): ServerAction<S> {
  async function serverAction(_: ActionState, formData: FormData): Promise<ActionState> {
    // The arguments come from the request body as the client encoded them: anything but a form is junk.
    if (!(formData instanceof FormData)) return { ok: false, message: formMessage("notAForm", "en"), fieldErrors: {} };
    // Next compares Origin with Host itself; this also refuses a missing or "null" Origin and keeps the rule
    // in our hands (proxy.ts answers such requests with 403 before they get here).
    const requestHeaders = await headers();
    const origin = checkOriginAgainstSite(requestHeaders);
    if (!origin.ok) return { ok: false, message: origin.message, fieldErrors: {} };
    const actor = await getCurrentUser();
    const raw = formToObject(formData);
    const locale: Locale = raw.locale === "zh" ? "zh" : "en";
    const context = { clientAddress: clientAddressFrom(requestHeaders), later: afterAtRandom };
    const { state, result } = await runDefinition(definition, actor, raw, locale, context);
    // Approved changes are public at once (lib/cache/read-cache.ts: expireTags).
    expireTags(result?.tags ?? []);
    // redirect() throws Next's redirect signal: kept out of runDefinition's try/catch, which would swallow it.
    if (result?.redirectTo) redirect(result.redirectTo);
    // A change that expires no public tag (a comment, a withdrawal, an invitation) would leave the page as it
    // was rendered before: the router keeps its payload until told. Every success re-renders the page.
    if (state.ok) refresh();
    return state;
  }
  return Object.assign(serverAction, { definition });
}

/**
 * Validate input and run an action's definition for an actor, mapping typed errors to a form state in one
 * place. Unknown errors are logged and answered with a generic message (no internals leak to the client).
 */
export async function runDefinition<S extends z.ZodType>(
  definition: ActionDefinition<S>,
  actor: Actor | null,
  raw: unknown,
  locale: Locale,
  context: ActionContext = inline,
): Promise<{ state: ActionState; result?: ActionResult }> {
  const parsed = definition.schema.safeParse(raw, formParseOptions);
  const controlErrors = controlCharacterErrors(raw);
  if (!parsed.success || Object.keys(controlErrors).length) {
    // Each field's messages in the form's language (lib/validation/issue-messages.ts), never zod's wording.
    const fieldErrors = translateFieldErrors(controlErrors, locale);
    for (const [key, messages] of Object.entries(
      parsed.success ? {} : issueFieldErrors(parsed.error.issues, locale, definition.name),
    ))
      for (const message of messages) addFieldError(fieldErrors, key, message);
    return { state: { ok: false, message: formMessage("correctFields", locale), fieldErrors } };
  }
  let result: ActionResult;
  try {
    result = await definition.run(actor, parsed.data, locale, context);
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors = translateFieldErrors(error.fieldErrors, locale);
      return { state: { ok: false, message: translateWritten(error.message, locale), fieldErrors } };
    }
    if (error instanceof AppError)
      return { state: { ok: false, message: translateWritten(error.message, locale), fieldErrors: {} } };
    console.error(`[action ${definition.name}]`, error);
    return { state: { ok: false, message: formMessage("unexpected", locale), fieldErrors: {} } };
  }
  // Done: the language the person acted in is the one their mails use from now on. Kept out of the try above,
  // which answers "nothing was changed"; a failure here loses a preference, never the change.
  if (actor)
    await rememberLocale(actor, locale).catch((error: unknown) => console.error(`[action ${definition.name}]`, error));
  const handOver = result.handOver ? { handOver: result.handOver } : {};
  const details = result.details?.length ? { details: result.details } : {};
  const message = translateWritten(result.message, locale);
  return { state: { ok: true, message, fieldErrors: {}, ...handOver, ...details }, result };
}

/** Messages written in English (the control-character check, the data layer's) in the form's language. */
function translateFieldErrors(errors: Record<string, string[]>, locale: Locale): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors).map(([key, messages]) => [key, messages.map((m) => translateWritten(m, locale))]),
  );
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
