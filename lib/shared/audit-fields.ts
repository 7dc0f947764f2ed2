// Client-safe: the admin history and the review diff name each stored field through AUDIT_FIELD_MESSAGES and
// show its value through AUDIT_FIELD_VALUES, never by its key ("joined", "institutionId"): on /zh no English.
import type {
  OrganizationProposal,
  AdminOrganizationValues,
  CitedOrganizationProfile,
} from "../validation/organizations";
import type { InstitutionProfileValues, ProfileCitation } from "../validation/institutions";
import type { OrganizationSideProfile } from "../validation/organization-profile";
import type { DismissDiscrepancyValues } from "../validation/discrepancies";
import type { MembershipSnapshot } from "./types/change-requests";

/**
 * Every key an audit row's values or a change request's values can hold, by where it comes from. Typed from the
 * shapes the portal stores, so a field added to one of them without a label fails to compile (the unit test
 * tests/unit/audit-fields.test.ts checks the literal keys written by the data layer as well).
 */
export type AuditField =
  // Memberships (diffSnapshots) and the proposed values of requests (diffValues).
  | keyof MembershipSnapshot
  | keyof InstitutionProfileValues
  | keyof ProfileCitation
  | keyof OrganizationProposal
  | keyof CitedOrganizationProfile
  | keyof AdminOrganizationValues
  // An organization's profile as its secretariat proposes it (organization.update from a change request).
  | keyof OrganizationSideProfile
  // institution.create; institution.update's citations per changed field.
  | "kind"
  | "country"
  | "sources"
  // change.reject, change.merge.
  | "reason"
  | "organization"
  | "membershipId"
  | "outcome"
  // discrepancy.dismiss (its check is stored as `kind`).
  | Exclude<keyof DismissDiscrepancyValues, "check">
  // membership.confirm, membership.corroborate.
  | "confirmedAt"
  | "organizationConfirmedAt"
  // user.*.
  | "email"
  | "staffRole"
  | "institutionId"
  // A secretariat's account (claims.ts) and its organization's domains (secretariats/email-domains.ts).
  | "organizationId"
  | "domainVerified"
  | "emailDomains"
  | "disabled"
  | "disabledAt"
  | "password";

/**
 * The message under "auditDetails.fields" that names each field to people. In the order the details list them
 * (the database keeps no order of a JSON object's keys): names and profile, then membership facts and sources.
 */
export const AUDIT_FIELD_MESSAGES = {
  nameEn: "nameEn",
  nameZh: "nameZh",
  acronym: "acronym",
  kind: "kind",
  country: "country",
  city: "city",
  founded: "founded",
  website: "website",
  rorId: "rorId",
  wikidataId: "wikidataId",
  introduction: "introduction",
  introductionLocale: "introductionLocale",
  formerNames: "formerNames",
  founders: "founders",
  declaredCounts: "declaredCounts",
  role: "role",
  status: "status",
  joined: "joined",
  ended: "ended",
  formerPeriods: "formerPeriods",
  notes: "notes",
  sourceUrl: "sourceUrl",
  sourceTitle: "sourceTitle",
  sourceQuote: "sourceQuote",
  sourceSeenOn: "sourceSeenOn",
  sources: "sources",
  organization: "organization",
  membershipId: "membershipId",
  outcome: "outcome",
  subject: "subject",
  facts: "facts",
  reason: "reason",
  confirmedAt: "confirmedAt",
  organizationConfirmedAt: "organizationConfirmedAt",
  email: "email",
  staffRole: "staffRole",
  institutionId: "institutionId",
  organizationId: "organizationId",
  domainVerified: "domainVerified",
  emailDomains: "emailDomains",
  disabled: "disabled",
  disabledAt: "disabledAt",
  password: "password",
} as const satisfies Record<AuditField, string>;

export type AuditFieldMessage = (typeof AUDIT_FIELD_MESSAGES)[AuditField];

/**
 * How a field's value reads: a partial date, a moment, a country, yes or no, or an enum code shown by its label
 * (roles of memberships and of accounts, kinds of organizations, institutions and discrepancy checks).
 * Fields not listed are shown as they are stored (names, addresses, quotes, identifiers).
 */
export type AuditValueKind =
  | "partialDate"
  | "instant"
  | "country"
  | "yesNo"
  | "role"
  | "status"
  | "kind"
  | "outcome"
  | "password"
  | "nested"
  | "profileList"
  | "periods"
  | "language";

export const AUDIT_FIELD_VALUES: Partial<Record<AuditField, AuditValueKind>> = {
  role: "role",
  staffRole: "role",
  status: "status",
  kind: "kind",
  joined: "partialDate",
  ended: "partialDate",
  founded: "partialDate",
  confirmedAt: "instant",
  organizationConfirmedAt: "instant",
  disabledAt: "instant",
  country: "country",
  disabled: "yesNo",
  domainVerified: "yesNo",
  outcome: "outcome",
  password: "password",
  sources: "nested",
  formerNames: "profileList",
  founders: "profileList",
  declaredCounts: "profileList",
  formerPeriods: "periods",
  introductionLocale: "language",
};

export function isAuditField(key: string): key is AuditField {
  return Object.hasOwn(AUDIT_FIELD_MESSAGES, key);
}

/** The message key naming `field`, or null for a key the portal does not write (a test fails on those). */
export function auditFieldMessage(field: string): AuditFieldMessage | null {
  return isAuditField(field) ? AUDIT_FIELD_MESSAGES[field] : null;
}
