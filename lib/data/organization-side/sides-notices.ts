import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh.json";
import type { Tx } from "../db";
import { env } from "../../env";
import { pickName } from "../../shared/names";
import { describeDifferences, type SidesComparison, type SidesTranslate } from "../../shared/membership-sides";
import { localeOf, siteLink } from "../accounts/mail-texts";
import { queueMail } from "../outbox";
import { compareMembershipSides, confirmationSelect } from "../selects";

// Each side is told when an approval (of either side's request) makes the two sides of a membership disagree, or
// agree again: the member's managers and the organization's secretariat managers, in the app and by mail, each in
// their own language. Written in the approval's transaction; the mails are delivered after its commit.

const names = { select: { locale: true, name: true, kind: true } } as const;

const sidesSelect = {
  ...confirmationSelect,
  organizationSource: undefined,
  institutionId: true,
  organizationId: true,
  institution: { select: { slug: true, names } },
  organization: { select: { slug: true, names } },
} as const;

/** Where a membership stands between its two sides now (null: there is no such membership, yet). */
export async function sidesNow(tx: Tx, membershipId: string | null): Promise<SidesComparison | null> {
  if (!membershipId) return null;
  const m = await tx.membership.findUnique({ where: { id: membershipId }, select: sidesSelect });
  return m ? compareMembershipSides(m) : null;
}

const translators = { en, zh } as const;
const translatorOf = (locale: Locale) =>
  createTranslator({ locale, messages: translators[locale] }) as unknown as SidesTranslate;

/**
 * Tell both sides when the membership's agreement changed from `before` to what it is now. Returns the ids of the
 * mails queued, to deliver after the commit.
 */
export async function tellSidesIfChanged(
  tx: Tx,
  membershipId: string | null,
  before: SidesComparison | null,
): Promise<string[]> {
  if (!membershipId) return [];
  const m = await tx.membership.findUnique({ where: { id: membershipId }, select: sidesSelect });
  if (!m) return [];
  const after = compareMembershipSides(m);
  const disagreedBefore = before?.state === "DISAGREE";
  const disagrees = after.state === "DISAGREE";
  // A disagreement that changed its facts is news too: each side hears what the other now says.
  const sameDifferences = JSON.stringify(before?.differences ?? []) === JSON.stringify(after.differences);
  if (disagreedBefore === disagrees && (!disagrees || sameDifferences)) return [];
  const people = await tx.user.findMany({
    where: {
      staffRole: "MANAGER",
      disabledAt: null,
      OR: [{ institutionId: m.institutionId }, { organizationId: m.organizationId }],
    },
    select: { id: true, email: true, locale: true, institutionId: true },
    orderBy: { id: "asc" },
  });
  const mailIds: string[] = [];
  for (const person of people) {
    const locale = localeOf(person.locale);
    const t = translatorOf(locale);
    const values = {
      institution: pickName(m.institution.names, locale).name,
      organization: pickName(m.organization.names, locale).name,
      differences: describeDifferences(after.differences, t, locale),
    };
    const message = t(disagrees ? "sides.noticeDisagree" : "sides.noticeAgree", values);
    // Each side's own page of it: the university's dashboard, the secretariat's member list.
    const path = person.institutionId ? `/${locale}/account` : `/${locale}/account/organization`;
    await tx.notification.create({ data: { userId: person.id, message } });
    mailIds.push(
      await queueMail(tx, {
        to: person.email,
        subject: t(disagrees ? "sides.noticeSubjectDisagree" : "sides.noticeSubjectAgree", values),
        text: `${message}\n\n${siteLink(env().SITE_URL, path)}\n`,
      }),
    );
  }
  return mailIds;
}
