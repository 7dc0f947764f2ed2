// Client-safe. The closed lists the forms offer and the validation schemas accept, written once: the values
// match the Prisma enums of the same name (tests/unit/vocabulary.test.ts holds them to it), and each list
// names where its labels live in messages/<locale>.json, as the forms show them.

/** A closed list of values; each value is shown as the message `${namespace}.${labels[value]}`. */
export type Vocabulary<V extends string> = {
  readonly values: readonly [V, ...V[]];
  readonly namespace: string;
  readonly labels: Readonly<Record<V, string>>;
};

/** Each value labelled by the message of the same key (messages' "roles", "kinds", …). */
function labelledByValue<const V extends string>(namespace: string, values: readonly [V, ...V[]]): Vocabulary<V> {
  const labels = {} as Record<V, string>;
  for (const v of values) labels[v] = v;
  return { values, namespace, labels };
}

/** An institution's role in an organization. */
export const membershipRoles = labelledByValue("roles", [
  "FOUNDING_MEMBER",
  "MEMBER",
  "CO_SPONSOR",
  "INITIATOR",
  "PRESIDENT",
  "SIGNATORY",
  "ORGANIZER",
  "PARTNER",
  "NOT_STATED",
]);
export type MembershipRoleValue = (typeof membershipRoles.values)[number];

export const membershipStatuses = labelledByValue("statuses", ["ACTIVE", "SUSPENDED", "WITHDRAWN", "OBSERVER"]);
export type MembershipStatusValue = (typeof membershipStatuses.values)[number];

export const organizationKinds = labelledByValue("kinds", [
  "ALLIANCE",
  "NETWORK",
  "ASSOCIATION",
  "FEDERATION",
  "CONSORTIUM",
  "AGREEMENT",
  "PROGRAMME",
]);
export type OrganizationKindValue = (typeof organizationKinds.values)[number];

export const institutionKinds = labelledByValue("institutionKinds", [
  "UNIVERSITY",
  "SCHOOL",
  "ACADEMY",
  "MINISTRY",
  "AGENCY",
  "HOSPITAL",
  "RESEARCH_INSTITUTE",
  "OTHER",
]);
export type InstitutionKindValue = (typeof institutionKinds.values)[number];

/** What an organization works on. */
export const fields = labelledByValue("fields", [
  "MEDICINE",
  "HEALTH",
  "EDUCATION",
  "SCIENCE",
  "TECHNOLOGY",
  "ENVIRONMENT",
  "CHINESE_MEDICINE",
  "BIOMEDICAL_SCIENCE",
  "HIGHER_EDUCATION",
]);
export type FieldValue = (typeof fields.values)[number];

/** An account's role, staff first as the admin's forms offer them. */
export const userRoles: Vocabulary<"STAFF" | "ADMIN"> = {
  values: ["STAFF", "ADMIN"],
  namespace: "account",
  labels: { STAFF: "roleStaff", ADMIN: "roleAdmin" },
};
export type UserRoleValue = (typeof userRoles.values)[number];

/** A staff member's part at their institution: managers manage colleagues, editors propose changes. */
export const staffRoles: Vocabulary<"MANAGER" | "EDITOR"> = {
  values: ["MANAGER", "EDITOR"],
  namespace: "account",
  labels: { MANAGER: "staffRoleManager", EDITOR: "staffRoleEditor" },
};
export type StaffRoleValue = (typeof staffRoles.values)[number];
