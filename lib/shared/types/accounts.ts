// What a signed-in person's account page shows (client-safe shapes; lib/data builds them).
import type { PartialDate } from "../dates";
import type { ChangeKind, MembershipRole, MembershipStatus } from "../enums";
import type { ChangeRequestRow, LatestRequestEvent } from "./change-requests";

export type NotificationItem = {
  id: string;
  message: string;
  changeRequestId: string | null;
  readAt: Date | null;
  createdAt: Date;
};

export type StaffMembership = {
  id: string;
  version: number;
  role: MembershipRole;
  status: MembershipStatus;
  joined: PartialDate | null;
  updatedAt: string;
  confirmedOn: string | null;
  needsConfirmation: boolean;
  organization: { slug: string; acronym: string | null; name: string };
  pending: { id: string; kind: ChangeKind; createdAt: string }[];
};

/** "My university": the institution's memberships with any pending change, and proposals not yet decided. */
export type StaffDashboard = {
  institution: { slug: string; name: string };
  memberships: StaffMembership[];
  pendingNew: { id: string; createdAt: string; organization: { name: string } }[];
};

/** A request in the staff member's own list, with the reviewer's comment. */
export type OwnChangeRequestRow = ChangeRequestRow & {
  decisionComment: string | null;
  membershipId: string | null;
  latest: LatestRequestEvent | null;
};

/** What a password link was sent for: an admin's invitation, a person's own sign-up (an invitation with no
 * inviter), or a password reset. */
export type LinkPurpose = "INVITE" | "SIGNUP" | "PASSWORD_RESET";
