// The one place a zod issue becomes a message for people, in the form's language (messages/<locale>.json,
// "validation"). A message the schema wrote itself (lib/validation/say.ts) is found by its English text and
// translated; for the rest the issue's code and the field's label make the sentence. Zod's own wording
// ("Invalid input: expected string, received undefined") never reaches a form.
import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import type { Locale } from "../../i18n/routing";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { dateIssueText } from "../../i18n/date-issues";
import { isDateIssue } from "../shared/dates";
import { addFieldError } from "../shared/errors";

/** What an issue carries when no schema wrote its message: the code decides the sentence. */
const UNWRITTEN = "\u0000unwritten";

/**
 * Parse options for a form's input: issues without a written message are marked (schema-level messages win
 * over a per-parse error map in zod 4), and each issue keeps its input so a missing field reads "is required".
 */
export const formParseOptions = { error: () => UNWRITTEN, reportInput: true } as const;

type Issue = z.core.$ZodIssue;
type Values = Record<string, string | number>;
type Translate = (key: string, values?: Values) => string;
type Catalogue = typeof en.validation;

const catalogues: Record<Locale, Catalogue> = { en: en.validation, zh: zh.validation };
const translators: Record<Locale, Translate> = {
  en: translatorFor("en"),
  zh: translatorFor("zh"),
};

function translatorFor(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: { validation: catalogues[locale] }, namespace: "validation" });
  return t as unknown as Translate;
}

/**
 * Each written message as a pattern of its English text ("{text}" captures what the person typed): the
 * schemas' (custom) and the answers of the data layer and the actions (answers), which are written in English
 * where they are thrown and given here in the form's language.
 */
const written = [
  ...Object.entries(en.validation.custom).map(([key, text]) => [`custom.${key}`, text] as const),
  ...Object.entries(en.validation.answers).map(([key, text]) => [`answers.${key}`, text] as const),
].map(([key, text]) => {
  const parts = text.split(/\{(\w+)\}/);
  const names = parts.filter((_, i) => i % 2);
  const source = parts.map((part, i) => (i % 2 ? "(.+)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  return { key, names, pattern: new RegExp(`^${source}$`, "s") };
});

/** A message written in English (a schema's, the checks' before it, the data layer's, an action's) in the
 * form's language; kept as it is when the catalogue does not hold it. */
export function translateWritten(text: string, locale: Locale): string {
  for (const { key, names, pattern } of written) {
    const match = pattern.exec(text);
    if (match) return translators[locale](key, Object.fromEntries(names.map((n, i) => [n, match[i + 1]!])));
  }
  return text;
}

/** A form-level message of the catalogue ("correctFields", "formOutdated", …) in the form's language. */
export function formMessage(key: "correctFields" | "notAForm" | "unexpected" | "formOutdated", locale: Locale): string {
  return translators[locale](key);
}

const own = (table: object, key: string): string | undefined =>
  Object.hasOwn(table, key) ? (table as Record<string, string>)[key] : undefined;

/** The field's label as its form shows it (the action's own wording first), or null for a field no one
 * sees (ids, versions, tokens): a problem there means the form itself is out of date. */
export function fieldLabel(path: readonly PropertyKey[], form: string, locale: Locale): string | null {
  const segment = [...path].reverse().find((p): p is string => typeof p === "string" && !/^\d+$/.test(p));
  if (segment === undefined) return null;
  const catalogue = catalogues[locale];
  const formLabels = own(catalogue.formFields, form) as unknown as Record<string, string> | undefined;
  return (formLabels && own(formLabels, segment)) ?? own(catalogue.fields, segment) ?? null;
}

/** The catalogue key and values for an issue no schema wrote a message for. */
function byCode(issue: Issue, field: string): [string, Values] {
  const size = (n: number | bigint) => Number(n);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return ["required", { field }];
      if (issue.expected === "int") return ["notAWholeNumber", { field }];
      return [issue.expected === "number" || issue.expected === "bigint" ? "notANumber" : "invalid", { field }];
    case "too_small":
      if (issue.origin === "string")
        return size(issue.minimum) <= 1 ? ["required", { field }] : ["tooShort", { field, min: size(issue.minimum) }];
      if (issue.origin === "array" || issue.origin === "set") return ["tooFew", { field, min: size(issue.minimum) }];
      return ["numberTooSmall", { field, min: size(issue.minimum) }];
    case "too_big":
      if (issue.origin === "string") return ["tooLong", { field, max: size(issue.maximum) }];
      if (issue.origin === "array" || issue.origin === "set") return ["tooMany", { field, max: size(issue.maximum) }];
      return ["numberTooBig", { field, max: size(issue.maximum) }];
    case "invalid_format":
      if (issue.format === "email" || issue.format === "url") return [issue.format, { field }];
      return ["format", { field }];
    case "invalid_value":
      return ["choose", { field }];
    case "not_multiple_of":
      return ["notMultiple", { field, step: size(issue.divisor) }];
    case "unrecognized_keys":
    case "invalid_key":
      return ["formOutdated", {}];
    default:
      return ["invalid", { field }];
  }
}

/**
 * One issue as a message for people in the form's language. `form` is the action's name, for labels a form
 * words its own way. A missing field is "required" even where the schema wrote a message for wrong input.
 */
export function issueMessage(issue: Issue, locale: Locale, form = ""): string {
  const label = fieldLabel(issue.path, form, locale);
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  if (label !== null && missing) return translators[locale]("required", { field: label });
  // A refused date says what was wrong with it (lib/validation/fields.ts partialDate), worded here.
  if (issue.code === "custom" && isDateIssue(issue.params)) return dateIssueText(issue.params, locale);
  if (issue.message !== UNWRITTEN) return translateWritten(issue.message, locale);
  if (label === null) return translators[locale]("formOutdated");
  const [key, values] = byCode(issue, label);
  return translators[locale](key, values);
}

/** Every issue as a message under its field's name ("values.notes"; "_form" for the form as a whole). */
export function issueFieldErrors(issues: readonly Issue[], locale: Locale, form = ""): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.join(".") || "_form";
    const message = issueMessage(issue, locale, form);
    if (!errors[key]?.includes(message)) addFieldError(errors, key, message);
  }
  return errors;
}
