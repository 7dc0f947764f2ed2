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

/** Chinese runs words together and uses full-width punctuation. */
const PUNCTUATION = {
  en: { comma: ", ", space: " ", open: " (", close: ")", colon: ": " },
  zh: { comma: "，", space: "", open: "（", close: "）", colon: "：" },
};

export function profileListItemText(field: string, item: unknown, locale: string, t: Translate): string {
  if (!isRecord(item)) return String(item);
  const p = PUNCTUATION[locale === "zh" ? "zh" : "en"];
  const when = (value: unknown, precision: unknown, word: string) => {
    const date = dateOf(value, precision);
    return date ? `${p.comma}${t(word)}${p.space}${formatPartialDate(date, locale)}` : "";
  };
  if (field === "formerNames") {
    const language = label(t, "locales", item.locale, LANGUAGES);
    return `${String(item.name)}${p.open}${language}${p.close}${when(item.validUntil, null, "auditDetails.until")}`;
  }
  if (field === "founders") return `${String(item.name)} · ${label(t, "founderRoles", item.role, FOUNDER_ROLES)}`;
  if (field === "declaredCounts") {
    const qualifier =
      item.qualifier === "EXACTLY"
        ? ""
        : `${label(t, "auditDetails.qualifiers", item.qualifier, QUALIFIERS)}${p.space}`;
    const subject = label(t, "counts.subject", item.subject, SUBJECTS);
    const asOf = when(item.asOf, item.asOfPrecision, "auditDetails.asOf");
    return `${subject}${p.colon}${qualifier}${String(item.value)}${asOf}`;
  }
  return JSON.stringify(item);
}
