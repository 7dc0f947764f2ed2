// Client-safe: an audit row's stored values as people read them, "label: value" in the page's language. The
// keys and enum codes stay in the database; what is shown comes from messages (audit-fields.ts).
import { countryName } from "./countries";
import { formatPartialDate, type PartialDate } from "./dates";
import { DISCREPANCY_KINDS } from "./types/discrepancies";
import { profileListItemText } from "./organization-profile-text";
import { AUDIT_FIELD_MESSAGES, AUDIT_FIELD_VALUES, auditFieldMessage, isAuditField } from "./audit-fields";
import {
  institutionKinds,
  membershipRoles,
  membershipStatuses,
  organizationKinds,
  staffRoles,
  userRoles,
} from "./vocabulary";

/** A translator over the whole message tree ("roles.MEMBER"), as next-intl's without a namespace. */
export type DetailTranslate = (key: string) => string;

export type DetailLine = {
  field: string;
  /** Null when the field has no label: shown as "Other field", and a unit test fails on it. */
  label: string | null;
  value: string;
  /** A value that is itself a record of fields (the citations of an institution's changed facts). */
  children?: DetailLine[];
};

const NONE = "—";
const MERGE_OUTCOMES = ["MEMBERSHIP_CREATED", "MEMBERSHIP_UPDATED", "NOTHING_TO_CHANGE"];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isPartialDate = (v: unknown): v is PartialDate =>
  isPlainObject(v) && typeof v.iso === "string" && typeof v.precision === "string";

const includes = (values: readonly string[], v: string) => values.includes(v);

/** An enum code by its label; a code the portal does not know stays as it is. */
function codeLabel(field: string, code: string, t: DetailTranslate): string {
  if (field === "staffRole" && includes(staffRoles.values, code))
    return t(`${staffRoles.namespace}.${staffRoles.labels[code as keyof typeof staffRoles.labels]}`);
  if (field === "role") {
    if (includes(membershipRoles.values, code)) return t(`${membershipRoles.namespace}.${code}`);
    if (includes(userRoles.values, code))
      return t(`${userRoles.namespace}.${userRoles.labels[code as keyof typeof userRoles.labels]}`);
  }
  if (field === "status" && includes(membershipStatuses.values, code))
    return t(`${membershipStatuses.namespace}.${code}`);
  if (field === "kind") {
    if (includes(organizationKinds.values, code)) return t(`${organizationKinds.namespace}.${code}`);
    if (includes(institutionKinds.values, code)) return t(`${institutionKinds.namespace}.${code}`);
    if (includes(DISCREPANCY_KINDS, code)) return t(`auditDetails.checks.${code}`);
  }
  if (field === "outcome" && includes(MERGE_OUTCOMES, code)) return t(`auditDetails.outcomes.${code}`);
  return code;
}

function periodText(v: unknown, locale: string): string {
  const p = isPlainObject(v) ? v : {};
  const date = (d: unknown) => (isPartialDate(d) ? (formatPartialDate(d, locale) ?? "…") : "…");
  return `${date(p.joined)} – ${date(p.ended)}`;
}

/** "2026-11-29 15:09 UTC": a stored moment to the minute. */
const minute = (iso: string) =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 16).replace("T", " ")} UTC` : iso;

/** One stored value as people read it. */
export function auditValueText(field: string, value: unknown, locale: string, t: DetailTranslate): string {
  if (value === null || value === undefined || value === "") return NONE;
  const kind = isAuditField(field) ? AUDIT_FIELD_VALUES[field] : undefined;
  if (isPartialDate(value)) return formatPartialDate(value, locale) ?? NONE;
  if (typeof value === "boolean") return t(value ? "auditDetails.yes" : "auditDetails.no");
  // One line per row: the diff shows each former name, founder and count of the lists on its own line.
  if (kind === "profileList" && Array.isArray(value))
    return value.length ? value.map((v) => profileListItemText(field, v, locale, t)).join("\n") : NONE;
  // One line per period, "2005 – 2012" at the dates' precision; "…" where the start is unknown.
  if (kind === "periods" && Array.isArray(value))
    return value.length ? value.map((v) => periodText(v, locale)).join("\n") : NONE;
  if (Array.isArray(value))
    return value.length ? value.map((v) => auditValueText(field, v, locale, t)).join(", ") : NONE;
  if (typeof value !== "string") return String(value);
  switch (kind) {
    case "instant":
      return minute(value);
    case "country":
      return countryName(value, locale);
    case "language":
      return value === "en" || value === "zh" ? t(`locales.${value}`) : value;
    case "password":
      return value === "removed" ? t("auditDetails.passwordRemoved") : value;
    case "role":
    case "status":
    case "kind":
    case "outcome":
      return codeLabel(field, value, t);
    default:
      return value;
  }
}

const ORDER = Object.keys(AUDIT_FIELD_MESSAGES);
/** A field's place in the list; the keys of nested records (field names too) follow the same order. */
const rank = (field: string) => {
  const i = ORDER.indexOf(field);
  return i === -1 ? ORDER.length : i;
};

/** Each field of an audit row's values: its label and its value, records of fields as nested lines. */
export function describeAuditDetails(
  values: Record<string, unknown>,
  locale: string,
  t: DetailTranslate,
): DetailLine[] {
  return Object.entries(values)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, value]) => {
      const message = auditFieldMessage(field);
      const label = message ? t(`auditDetails.fields.${message}`) : null;
      if (isPlainObject(value) && !isPartialDate(value)) {
        const children = describeAuditDetails(value, locale, t);
        return { field, label, value: children.length ? "" : NONE, children };
      }
      return { field, label, value: auditValueText(field, value, locale, t) };
    });
}
