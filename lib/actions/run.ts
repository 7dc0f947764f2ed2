import "server-only";
import { AppError, ValidationError, addFieldError } from "../shared/errors";
import { controlCharacterErrors } from "../validation/input";
import type { Actor } from "../shared/actor";
import type { ActionContext, ActionDefinition, ActionResult, ActionState } from "./define";

/** Outside a request (tests, scripts): no client address, and work meant for after the answer runs first. */
const inline: ActionContext = { clientAddress: "unknown", later: (task) => task() };

/**
 * Validate input and run an action for an actor, mapping typed errors to a form state in one place.
 * Unknown errors are logged and answered with a generic message (no internals leak to the client).
 */
export async function runAction(
  definition: ActionDefinition,
  actor: Actor | null,
  raw: unknown,
  locale: string,
  context: ActionContext = inline,
): Promise<{ state: ActionState; result?: ActionResult }> {
  const parsed = definition.schema.safeParse(raw);
  const controlErrors = controlCharacterErrors(raw);
  if (!parsed.success || Object.keys(controlErrors).length) {
    const fieldErrors: Record<string, string[]> = { ...controlErrors };
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const key = issue.path.join(".") || "_form";
      addFieldError(fieldErrors, key, issue.message);
    }
    return { state: { ok: false, message: "Please correct the fields marked below.", fieldErrors } };
  }
  try {
    const result = await definition.run(actor, parsed.data, locale, context);
    return {
      state: {
        ok: true,
        message: result.message,
        fieldErrors: {},
        ...(result.handOver ? { handOver: result.handOver } : {}),
      },
      result,
    };
  } catch (error) {
    if (error instanceof ValidationError)
      return { state: { ok: false, message: error.message, fieldErrors: error.fieldErrors } };
    if (error instanceof AppError) return { state: { ok: false, message: error.message, fieldErrors: {} } };
    console.error(`[action ${definition.name}]`, error);
    return {
      state: {
        ok: false,
        message: "Something went wrong on our side; nothing was changed. Please try again.",
        fieldErrors: {},
      },
    };
  }
}
