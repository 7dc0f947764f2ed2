import "server-only";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import { NotFoundError } from "../../shared/errors";
import type { InstitutionProfileValues } from "../../validation/institutions";
import { institutionProfileSelect, profileOf } from "../institutions/editable-profile";
import { applyInstitutionProfile, tagsTouchedBy } from "../change-requests/apply";

/** Admins: set an institution's profile directly (audited, version-guarded). Returns the tags to expire. */
export async function adminUpdateInstitution(
  actor: Actor | null,
  input: { institutionSlug: string; baseVersion: number; values: InstitutionProfileValues },
) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  const current = await db().institution.findUnique({
    where: { slug: input.institutionSlug },
    select: { id: true, ...institutionProfileSelect },
  });
  if (!current) throw new NotFoundError("No such institution.");
  return db().$transaction(async (tx) => {
    await applyInstitutionProfile(tx, current.id, input.baseVersion, input.values, {
      actorId: admin.id,
      before: profileOf(current),
    });
    return tagsTouchedBy(tx, current.id, null);
  });
}
