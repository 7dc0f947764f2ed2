// Client-safe: the history pages name each event through AUDIT_EVENT_MESSAGES, not by its stored code.

/**
 * Every audit event the portal writes, with the kind of record it is about. The names are stored as they are
 * and read back by the history pages and the tests: add names, never rename one.
 */
export const AUDIT_EVENTS = {
  "membership.create": "Membership",
  "membership.update": "Membership",
  "membership.end": "Membership",
  "membership.confirm": "Membership",
  "membership.corroborate": "Membership",
  "membership.reread": "Membership",
  "institution.create": "Institution",
  "institution.update": "Institution",
  "organization.create": "Organization",
  "organization.update": "Organization",
  /** An admin set the email domains that verify the organization's secretariat (secretariats/email-domains.ts). */
  "organization.email-domains": "Organization",
  "change.reject": "ChangeRequest",
  /** A proposed organization recorded as a membership of an existing one (merge.ts). */
  "change.merge": "ChangeRequest",
  "discrepancy.dismiss": "DiscrepancyDismissal",
  "discrepancy.restore": "DiscrepancyDismissal",
  "user.invite": "User",
  "user.access": "User",
  "user.password": "User",
  /** A manager made a colleague manager or editor (colleagues.ts). */
  "user.staff-role": "User",
  /** A manager removed a colleague from the institution (colleagues.ts). */
  "user.remove": "User",
  /** A staff member left their institution and deleted their account (leave.ts). */
  "user.leave": "User",
  /** An admin or a manager let a verified sign-up in, as manager or editor (claims.ts). */
  "user.claim-approve": "User",
  /** An admin or a manager turned a verified sign-up away; the account is disabled (claims.ts). */
  "user.claim-reject": "User",
  "user.admin-from-shell": "User",
  "user.disable-from-shell": "User",
  /** A visitor suggested a correction of a page (corrections/submit.ts): no actor, no account. */
  "correction.suggest": "Correction",
  /** A manager or an admin closed a suggested correction with a reason (corrections/triage.ts). */
  "correction.close": "Correction",
  /** A manager turned a suggested correction into a change request (corrections/link.ts). */
  "correction.in-review": "Correction",
  /** A staff member confirmed, by the link mailed to it, that their address is still theirs (yearly). */
  "user.address-reverify": "User",
} as const;

export type AuditEventName = keyof typeof AUDIT_EVENTS;

/**
 * The message (under "history.events") that names each event to people, in every language: the stored code
 * ("membership.create") is for machines and is never shown. Typed, so an event added above without a message
 * fails to compile.
 */
export const AUDIT_EVENT_MESSAGES = {
  "membership.create": "membershipCreate",
  "membership.update": "membershipUpdate",
  "membership.end": "membershipEnd",
  "membership.confirm": "membershipConfirm",
  "membership.corroborate": "membershipCorroborate",
  "membership.reread": "membershipReread",
  "institution.create": "institutionCreate",
  "institution.update": "institutionUpdate",
  "organization.create": "organizationCreate",
  "organization.update": "organizationUpdate",
  "organization.email-domains": "organizationEmailDomains",
  "change.reject": "changeReject",
  "change.merge": "changeMerge",
  "discrepancy.dismiss": "discrepancyDismiss",
  "discrepancy.restore": "discrepancyRestore",
  "user.invite": "userInvite",
  "user.access": "userAccess",
  "user.password": "userPassword",
  "user.staff-role": "userStaffRole",
  "user.remove": "userRemove",
  "user.leave": "userLeave",
  "user.claim-approve": "userClaimApprove",
  "user.claim-reject": "userClaimReject",
  "user.admin-from-shell": "userAdminFromShell",
  "user.disable-from-shell": "userDisableFromShell",
  "correction.suggest": "correctionSuggest",
  "correction.close": "correctionClose",
  "correction.in-review": "correctionInReview",
  "user.address-reverify": "userAddressReverify",
} as const satisfies Record<AuditEventName, string>;

export type AuditEventMessage = (typeof AUDIT_EVENT_MESSAGES)[AuditEventName];

/** The kinds of record audit events are about, each named by a message under "history.entities". */
export type AuditEntityType = (typeof AUDIT_EVENTS)[AuditEventName];

export function isAuditEvent(code: string): code is AuditEventName {
  return Object.hasOwn(AUDIT_EVENTS, code);
}

export function isAuditEntityType(type: string): type is AuditEntityType {
  return (Object.values(AUDIT_EVENTS) as string[]).includes(type);
}
