// Field schemas the domain schemas share (memberships, institutions, organizations, confirmations).
import { z } from "zod";
import { checkPartialDate, type PartialDate } from "../shared/dates";
import { say } from "./say";

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

/** Free text of at most `max` characters; blank is none. Its messages name the field as the form labels it
 * (lib/validation/issue-messages.ts). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null);

const sourceUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), say("sourceAddress"));

/** Where a fact comes from: every proposal and every direct addition cites one. */
export const citation = {
  sourceUrl,
  sourceTitle: optionalText(300),
  sourceQuote: optionalText(2000),
};

/**
 * The day the proposer read the source ("read on"): a date at any precision, not in the future; blank is today
 * where a new source is made. The source's "seen" date is this, never the day the change is approved.
 */
export const sourceSeenOn = partialDate.optional().transform((v) => v ?? null);

export function requireSource(v: { sourceUrl: string | null; sourceTitle: string | null }, ctx: z.RefinementCtx) {
  if (!v.sourceUrl && !v.sourceTitle) ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: say("citeSource") });
}

export const nullableUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), say("webAddress"));

/** A Wikidata item: Q1234, or its wikidata.org address; blank is none. */
export function wikidataIdField() {
  return z
    .string()
    .trim()
    .toUpperCase()
    .max(80)
    .transform((v) => v.replace(/^HTTPS?:\/\/WWW\.WIKIDATA\.ORG\/WIKI\//, "") || null)
    .refine((v) => v === null || /^Q[1-9][0-9]{0,9}$/.test(v), say("wikidataId"));
}

/** The version a form was loaded at: a write against any other version is a conflict. */
export const baseVersion = z.coerce.number().int().min(1);
