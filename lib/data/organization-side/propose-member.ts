import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../../shared/actor";
import { NotFoundError, ValidationError } from "../../shared/errors";
import type { MembershipValues } from "../../validation/memberships";
import { requireSecretariat } from "../guards";
import { createRequestTellingAdmins } from "../change-requests/admin-notices";
import { snapshotFromValues } from "../change-requests/diff";
import { assertNoPending } from "../change-requests/propose";

// The organization's side of one membership, as its secretariat states it: "this institution is our member, in
// this role, since then, says this source". It goes through review like a university's edit, and once approved it
// fills the membership's organization-side facts (Membership.organization*), never the university's own statement:
// a new membership for an institution not yet listed, the other side of an existing one otherwise.

export const ORGANIZATION_SOURCE_REQUIRED =
  "Cite the organization's source for this member: a link to its member list or page.";

/**
 * A secretariat member: state that `institutionId` (a record of the registry or of the directory) is a member of
 * their own organization. `client` is a transaction's when several are sent together (a member-list upload).
 */
export async function proposeOrganizationMember(
  actor: Actor | null,
  input: { institutionId: string; reason: string | null; values: MembershipValues },
  client: Tx = db(),
  options: { tellAdmins?: boolean } = {},
) {
  const secretariat = requireSecretariat(actor);
  if (!input.values.sourceUrl)
    throw new ValidationError(ORGANIZATION_SOURCE_REQUIRED, { "values.sourceUrl": [ORGANIZATION_SOURCE_REQUIRED] });
  const institution = await client.institution.findUnique({
    where: { id: input.institutionId },
    select: { id: true },
  });
  if (!institution) throw new NotFoundError("No such institution.");
  const organizationId = secretariat.organizationId;
  const existing = await client.membership.findUnique({
    where: { institutionId_organizationId: { institutionId: institution.id, organizationId } },
    select: { id: true, version: true },
  });
  await assertNoPending(client, { institutionId: institution.id, organizationId }, "ORGANIZATION");
  return createRequestTellingAdmins(client, {
    data: {
      kind: existing ? "MEMBERSHIP_UPDATE" : "MEMBERSHIP_CREATE",
      side: "ORGANIZATION",
      institutionId: institution.id,
      organizationId,
      membershipId: existing?.id ?? null,
      baseVersion: existing?.version ?? null,
      proposed: snapshotFromValues(input.values),
      reason: input.reason,
      proposedById: secretariat.id,
    },
    select: { id: true, kind: true, status: true },
    tellAdmins: options.tellAdmins,
  });
}
