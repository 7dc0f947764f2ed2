import "server-only";
import type { Actor } from "../../shared/actor";
import { getInstitutionProfile } from "./editable-profile";
import { requireAdmin } from "../guards";

/**
 * Any institution's editable profile, for an admin's direct edit. Non-admins are refused here (the page used
 * to pass null for them); getInstitutionProfile then reads by slug only for an admin.
 */
export async function getInstitutionProfileForAdmin(actor: Actor | null, slug: string) {
  return getInstitutionProfile(requireAdmin(actor), slug);
}
