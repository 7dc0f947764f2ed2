import "server-only";
import type { Tx } from "../db";
import { env } from "../../env";
import { pickName } from "../../shared/names";
import { changeRequestPath } from "../../shared/paths";
import { localeOf, mailTranslator, siteLink } from "../accounts/mail-texts";
import type { DecisionNotice } from "./decision-notice";

const names = { select: { slug: true, names: { select: { locale: true, name: true, kind: true } } } } as const;

/**
 * What the proposer is told when their proposed organization was recorded as a membership of an existing one
 * (merge.ts), in the language they last used: the name they proposed, the organization it is, what happened to
 * the membership, with links to their institution's page and to the request. Read in the merge's transaction.
 */
export async function mergeNotice(tx: Tx, changeRequestId: string, comment: string | null): Promise<DecisionNotice> {
  const r = await tx.changeRequest.findUniqueOrThrow({
    where: { id: changeRequestId },
    select: {
      proposed: true,
      mergeOutcome: true,
      institution: names,
      organization: names,
      proposedBy: { select: { id: true, email: true, locale: true, disabledAt: true } },
    },
  });
  const locale = localeOf(r.proposedBy.locale);
  const t = mailTranslator(locale);
  const proposed = (r.proposed ?? {}) as { nameEn?: unknown; nameZh?: unknown };
  const proposedName = String((locale === "zh" && proposed.nameZh) || proposed.nameEn || "—");
  const institution = pickName(r.institution.names, locale).name;
  const organization = r.organization ? pickName(r.organization.names, locale).name : "—";
  const what = t("what", { kind: "ORGANIZATION_CREATE", institution, organization: proposedName });
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const facts = { What, institution, organization, outcome: r.mergeOutcome ?? "MEMBERSHIP_CREATED" };
  const message = comment ? t("mergedWithComment", { ...facts, comment }) : t("merged", facts);
  const site = env().SITE_URL;
  const lines = [
    message,
    t("public", { link: siteLink(site, `/${locale}/institutions/${r.institution.slug}`) }),
    t("request", { link: siteLink(site, changeRequestPath(locale, changeRequestId)) }),
  ];
  return {
    userId: r.proposedBy.id,
    changeRequestId,
    email: r.proposedBy.disabledAt ? null : r.proposedBy.email,
    message,
    subject: t("mergedSubject", { what, organization }),
    text: `${lines.join("\n\n")}\n`,
  };
}
