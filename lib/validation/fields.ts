// Field schemas the domain schemas share (memberships, institutions, organizations, confirmations).
import { z } from "zod";
import { checkPartialDate, type PartialDate } from "../shared/dates";

/**
 * A date at the precision given ("2016", "May 2018", "2019-11-11"), not in the future; blank is none. The issue
 * carries its DateIssue as params, so the action words it in the form's language (i18n/date-issues.ts).
 */
export const partialDate = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx): PartialDate | null => {
    const checked = checkPartialDate(value);
    if (checked.ok) return checked.date;
    ctx.addIssue({ code: "custom", message: checked.message, params: checked.issue });
    return z.NEVER;
  });

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters.`)
    .transform((v) => v || null);

const sourceUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "A source address starts with http:// or https://.");

/** Where a fact comes from: every proposal and every direct addition cites one. */
export const citation = {
  sourceUrl,
  sourceTitle: optionalText(300, "Source title"),
  sourceQuote: optionalText(2000, "Quoted passage"),
};

export function requireSource(v: { sourceUrl: string | null; sourceTitle: string | null }, ctx: z.RefinementCtx) {
  if (!v.sourceUrl && !v.sourceTitle)
    ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: "Cite a source: its address or its title." });
}

export const nullableUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "A web address starts with http:// or https://.");

/** A Wikidata item: Q1234, or its wikidata.org address; blank is none. */
export function wikidataIdField() {
  return z
    .string()
    .trim()
    .toUpperCase()
    .max(80)
    .transform((v) => v.replace(/^HTTPS?:\/\/WWW\.WIKIDATA\.ORG\/WIKI\//, "") || null)
    .refine((v) => v === null || /^Q[1-9][0-9]{0,9}$/.test(v), "A Wikidata item looks like Q1234.");
}

/** The version a form was loaded at: a write against any other version is a conflict. */
export const baseVersion = z.coerce.number().int().min(1);
