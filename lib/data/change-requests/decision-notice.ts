import "server-only";
import type { Tx } from "../db";
import { env } from "../../env";
import { pickName } from "../../shared/names";
import { changeRequestPath } from "../../shared/paths";
import { localeOf, mailTranslator, siteLink } from "../accounts/mail-texts";

const names = { select: { slug: true, names: { select: { locale: true, name: true, kind: true } } } } as const;

export type DecisionNotice = {
  userId: string;
  changeRequestId: string;
  /** The proposer's address, or null when their account is disabled (no mail then). */
  email: string | null;
  message: string;
  subject: string;
  text: string;
};

/**
 * What the proposer is told of a decision, in the language they last used: what changed and where ("Your
 * change to Nanjing Medical University’s membership in Eurasia-Pacific Uninet was approved"), with links to
 * the request and, once approved, to the public page. Read in the decision's transaction, after it applied.
 */
export async function decisionNotice(
  tx: Tx,
  changeRequestId: string,
  decision: { approved: true; comment: string | null } | { approved: false; reason: string },
): Promise<DecisionNotice> {
  const r = await tx.changeRequest.findUniqueOrThrow({
    where: { id: changeRequestId },
    select: {
      kind: true,
      proposed: true,
      institution: names,
      organization: names,
      proposedBy: { select: { id: true, email: true, locale: true, disabledAt: true } },
    },
  });
  const locale = localeOf(r.proposedBy.locale);
  const t = mailTranslator(locale);
  const proposedName = (r.proposed as { nameEn?: unknown; nameZh?: unknown } | null) ?? {};
  const organization = r.organization
    ? pickName(r.organization.names, locale).name
    : String((locale === "zh" && proposedName.nameZh) || proposedName.nameEn || "—");
  const what = t("what", { kind: r.kind, institution: pickName(r.institution.names, locale).name, organization });
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const message = decision.approved
    ? decision.comment
      ? t("approvedWithComment", { What, comment: decision.comment })
      : t("approved", { What })
    : t("rejected", { What, reason: decision.reason });
  const site = env().SITE_URL;
  // Where the change shows: the organization's page for a new organization, otherwise the institution's.
  const publicPath =
    r.organization && r.kind === "ORGANIZATION_CREATE"
      ? `/${locale}/organizations/${r.organization.slug}`
      : `/${locale}/institutions/${r.institution.slug}`;
  const lines = [
    message,
    ...(decision.approved ? [t("public", { link: siteLink(site, publicPath) })] : []),
    t("request", { link: siteLink(site, changeRequestPath(locale, changeRequestId)) }),
  ];
  return {
    userId: r.proposedBy.id,
    changeRequestId,
    email: r.proposedBy.disabledAt ? null : r.proposedBy.email,
    message,
    subject: t(decision.approved ? "approvedSubject" : "rejectedSubject", { what }),
    text: `${lines.join("\n\n")}\n`,
  };
}
