// Client-safe: one row of an organization's profile lists (former names, founders, declared counts) as people read
// it in the review's diff and the history, in the page's language: "Pan-Asian … (English), until December 2018",
// "Xi'an Jiaotong University · Founder", "Members: over 150, as of November 2026".
import { formatPartialDate, type PartialDate } from "./dates";

type Translate = (key: string) => string;

const QUALIFIERS = ["EXACTLY", "OVER", "ABOUT", "AT_LEAST"];
const SUBJECTS = ["MEMBERS", "FOUNDING_MEMBERS", "INITIATORS"];
const FOUNDER_ROLES = [
  "FOUNDER",
  "INITIATOR",
  "PROPOSER",
  "CO_SPONSOR",
  "CONVENER",
  "SUPPORTER",
  "SIGNATORY",
  "ORGANIZER",
];
const LANGUAGES = ["en", "zh"];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A date as a change request keeps it ({ iso, precision }) or as a row was stored (an instant and its precision). */
function dateOf(value: unknown, precision: unknown): PartialDate | null {
  if (isRecord(value) && typeof value.iso === "string" && typeof value.precision === "string")
    return value as PartialDate;
  if (typeof value !== "string" || (precision !== "YEAR" && precision !== "MONTH" && precision !== "DAY")) return null;
  const length = precision === "YEAR" ? 4 : precision === "MONTH" ? 7 : 10;
  return { iso: value.slice(0, length), precision };
}

const label = (t: Translate, namespace: string, code: unknown, known: string[]) =>
  typeof code === "string" && known.includes(code) ? t(`${namespace}.${code}`) : String(code ?? "");

export function profileListItemText(field: string, item: unknown, locale: string, t: Translate): string {
  if (!isRecord(item)) return String(item);
  const when = (value: unknown, precision: unknown, word: string) => {
    const date = dateOf(value, precision);
    return date ? `, ${t(word)} ${formatPartialDate(date, locale)}` : "";
  };
  if (field === "formerNames")
    return `${String(item.name)} (${label(t, "locales", item.locale, LANGUAGES)})${when(
      item.validUntil,
      null,
      "auditDetails.until",
    )}`;
  if (field === "founders") return `${String(item.name)} · ${label(t, "founderRoles", item.role, FOUNDER_ROLES)}`;
  if (field === "declaredCounts") {
    const qualifier =
      item.qualifier === "EXACTLY" ? "" : `${label(t, "auditDetails.qualifiers", item.qualifier, QUALIFIERS)} `;
    return `${label(t, "counts.subject", item.subject, SUBJECTS)}: ${qualifier}${String(item.value)}${when(
      item.asOf,
      item.asOfPrecision,
      "auditDetails.asOf",
    )}`;
  }
  return JSON.stringify(item);
}
