// A refused date's message in the form's language: the schema (lib/validation/fields.ts partialDate) cannot know
// the language, so its issue carries what was wrong (a DateIssue) and the action words it here.
import { createTranslator } from "use-intl/core";
import en from "../messages/en.json";
import zh from "../messages/zh.json";
import { formatPartialDate, isDateIssue, type DateIssue } from "../lib/shared/dates";
import type { Locale } from "./routing";

const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "account.dateEntry" }),
  zh: createTranslator({ locale: "zh", messages: zh, namespace: "account.dateEntry" }),
};

export function dateIssueText(issue: DateIssue, locale: Locale): string {
  const t = translators[locale];
  return issue.dateIssue === "future"
    ? t("future", { date: formatPartialDate(issue.date, locale) ?? issue.date.iso })
    : t("unreadable", { text: issue.text });
}

/** A validation issue's text: a date's in the form's language, any other as the schema wrote it. */
export function issueText(issue: { message: string; params?: unknown }, locale: Locale): string {
  return isDateIssue(issue.params) ? dateIssueText(issue.params, locale) : issue.message;
}
