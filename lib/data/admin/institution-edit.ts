import "server-only";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import { NotFoundError } from "../../shared/errors";
import { ValidationError } from "../../shared/errors";
import type { InstitutionProfileValues, ProfileCitation } from "../../validation/institutions";
import { institutionProfileSelect, profileOf } from "../institutions/editable-profile";
import { tagsTouchedBy } from "../change-requests/apply";
import { applyInstitutionProfile } from "../change-requests/apply-profile";
import { profileCitationErrors } from "../change-requests/profile-sources";
import { seenOnDate } from "../../shared/fact-sources";

/**
 * Admins: set an institution's profile directly (audited, version-guarded), citing the source of the changed
 * values as staff must: each changed fact is credited to it. Returns the tags to expire.
 */
export async function adminUpdateInstitution(
  actor: Actor | null,
  input: { institutionSlug: string; baseVersion: number; values: InstitutionProfileValues; source: ProfileCitation },
) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  const current = await db().institution.findUnique({
    where: { slug: input.institutionSlug },
    select: { id: true, ...institutionProfileSelect },
  });
  if (!current) throw new NotFoundError("No such institution.");
  const errors = profileCitationErrors(current, input.values, input.source);
  if (Object.keys(errors).length)
    throw new ValidationError(
      Object.values(errors)[0]![0]!,
      Object.fromEntries(Object.entries(errors).map(([k, v]) => [`source.${k}`, v])),
    );
  const cited = {
    key: `admin-${crypto.randomUUID()}`,
    publisher: null,
    ...input.source,
    seenOn: seenOnDate(input.source.sourceSeenOn, new Date()),
  };
  return db().$transaction(async (tx) => {
    await applyInstitutionProfile(tx, current.id, input.baseVersion, input.values, cited, {
      actorId: admin.id,
      before: profileOf(current),
    });
    return tagsTouchedBy(tx, current.id, null);
  });
}
