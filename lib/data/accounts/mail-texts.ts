import "server-only";
import { createTranslator } from "next-intl";
import { isLocale, type Locale } from "@/i18n/routing";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh.json";

const messages = { en, zh } as const;

/** A person's stored language as a Locale: anything else (never written, but a column holds text) is English. */
export const localeOf = (value: string | null | undefined): Locale => (value && isLocale(value) ? value : "en");

/**
 * The texts of mails and notifications, from messages/<locale>.json's "mail" part: mails are written in their
 * recipient's language, outside any request (no next-intl request config), so the translator is made here.
 */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "mail" });
}

/** The texts of the signed-in pages, for an answer worded in the data layer (the queue's bulk approval). */
export function accountTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "account" });
}

/** The page of this portal at `path` ("/en/…"), as a link for a mail. */
export function siteLink(siteUrl: string, path: string) {
  return `${siteUrl.replace(/\/$/, "")}${path}`;
}
