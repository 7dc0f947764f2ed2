"use server";

import { redirect } from "next/navigation";
import { expireTags } from "../cache/read-cache";
import { headers } from "next/headers";
import { after } from "next/server";
import { randomInt } from "node:crypto";
import { clientAddressFrom, getCurrentUser } from "../auth/session";
import { actions, type ActionName } from "./registry";
import { formToObject, type ActionState } from "./define";
import { runAction } from "./run";
import { checkOriginAgainstSite } from "../http/origin";

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

// The one wrapper every server action goes through: origin → session → zod → data layer → revalidate → redirect.
async function handle(name: ActionName, formData: unknown): Promise<ActionState> {
  // The arguments come from the request body as the client encoded them: anything but a form is junk.
  if (!(formData instanceof FormData))
    return {
      ok: false,
      message: "This form was not sent in a form we understand; nothing was changed. Reload the page and try again.",
      fieldErrors: {},
    };
  // Next compares Origin with Host itself; this also refuses a missing or "null" Origin and keeps the rule
  // in our hands (proxy.ts answers such requests with 403 before they get here).
  const requestHeaders = await headers();
  const origin = checkOriginAgainstSite(requestHeaders);
  if (!origin.ok) return { ok: false, message: origin.message, fieldErrors: {} };
  const actor = await getCurrentUser();
  const raw = formToObject(formData);
  const locale = raw.locale === "zh" ? "zh" : "en";
  const context = { clientAddress: clientAddressFrom(requestHeaders), later: afterAtRandom };
  const { state, result } = await runAction(actions[name], actor, raw, locale, context);
  // Approved changes are public at once (lib/cache/read-cache.ts: expireTags).
  expireTags(result?.tags ?? []);
  if (result?.redirectTo) redirect(result.redirectTo);
  return state;
}

export async function proposeMembershipUpdateAction(_: ActionState, formData: FormData) {
  return handle("proposeMembershipUpdate", formData);
}
export async function proposeMembershipCreateAction(_: ActionState, formData: FormData) {
  return handle("proposeMembershipCreate", formData);
}
export async function withdrawChangeRequestAction(_: ActionState, formData: FormData) {
  return handle("withdrawChangeRequest", formData);
}
export async function commentOnChangeRequestAction(_: ActionState, formData: FormData) {
  return handle("commentOnChangeRequest", formData);
}
export async function approveChangeRequestAction(_: ActionState, formData: FormData) {
  return handle("approveChangeRequest", formData);
}
export async function rejectChangeRequestAction(_: ActionState, formData: FormData) {
  return handle("rejectChangeRequest", formData);
}
export async function markNotificationsReadAction(_: ActionState, formData: FormData) {
  return handle("markNotificationsRead", formData);
}
export async function inviteUserAction(_: ActionState, formData: FormData) {
  return handle("inviteUser", formData);
}
export async function updateUserAccessAction(_: ActionState, formData: FormData) {
  return handle("updateUserAccess", formData);
}
export async function requestPasswordResetAction(_: ActionState, formData: FormData) {
  return handle("requestPasswordReset", formData);
}
export async function setPasswordAction(_: ActionState, formData: FormData) {
  return handle("setPassword", formData);
}
export async function proposeInstitutionUpdateAction(_: ActionState, formData: FormData) {
  return handle("proposeInstitutionUpdate", formData);
}
export async function proposeOrganizationCreateAction(_: ActionState, formData: FormData) {
  return handle("proposeOrganizationCreate", formData);
}
export async function adminUpdateInstitutionAction(_: ActionState, formData: FormData) {
  return handle("adminUpdateInstitution", formData);
}
export async function adminCreateInstitutionAction(_: ActionState, formData: FormData) {
  return handle("adminCreateInstitution", formData);
}
export async function adminUpdateOrganizationAction(_: ActionState, formData: FormData) {
  return handle("adminUpdateOrganization", formData);
}
export async function adminCreateOrganizationAction(_: ActionState, formData: FormData) {
  return handle("adminCreateOrganization", formData);
}
export async function confirmMembershipAction(_: ActionState, formData: FormData) {
  return handle("confirmMembership", formData);
}
export async function recordOrganizationConfirmationAction(_: ActionState, formData: FormData) {
  return handle("recordOrganizationConfirmation", formData);
}
export async function previewImportAction(_: ActionState, formData: FormData) {
  return handle("previewImport", formData);
}
export async function submitImportAction(_: ActionState, formData: FormData) {
  return handle("submitImport", formData);
}
