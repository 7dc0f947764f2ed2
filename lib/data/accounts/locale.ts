import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";

/**
 * Remember the language a person signed in or acted in: their mails (decisions on their requests) are written
 * in it. Only their own row, and only when it differs, so acting in the same language writes nothing.
 */
export async function rememberLocale(person: { id: string }, locale: Locale): Promise<void> {
  await db().user.updateMany({ where: { id: person.id, NOT: { locale } }, data: { locale } });
}
