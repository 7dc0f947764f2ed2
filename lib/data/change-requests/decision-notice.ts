import "server-only";
import { ownInstitution, requestNames } from "./sides";
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
/**
 * The request as a notice about it reads it (decision-notice.ts, merge-notice.ts): whose it is, in which language
 * they are told, the names of its institution and organization, and the name a proposed organization was given.
 */
export async function noticeRequest(tx: Tx, changeRequestId: string) {
  const r = await tx.changeRequest.findUniqueOrThrow({
    where: { id: changeRequestId },
    select: {
      kind: true,
      side: true,
      proposed: true,
      mergeOutcome: true,
      institution: names,
      organization: names,
      proposedBy: { select: { id: true, email: true, locale: true, disabledAt: true } },
    },
  });
  const locale = localeOf(r.proposedBy.locale);
  const proposed = (r.proposed as { nameEn?: unknown; nameZh?: unknown } | null) ?? {};
  return {
    ...r,
    locale,
    t: mailTranslator(locale),
    institutionName: requestNames(r, locale).institution,
    organizationName: r.organization ? pickName(r.organization.names, locale).name : null,
    proposedName: String((locale === "zh" && proposed.nameZh) || proposed.nameEn || "—"),
    /** Who is told, and where their mail goes (none to a disabled account). */
    recipient: { userId: r.proposedBy.id, email: r.proposedBy.disabledAt ? null : r.proposedBy.email },
  };
}

export async function decisionNotice(
  tx: Tx,
  changeRequestId: string,
  decision: { approved: true; comment: string | null } | { approved: false; reason: string },
): Promise<DecisionNotice> {
  const r = await noticeRequest(tx, changeRequestId);
  const { locale, t } = r;
  const organization = r.organizationName ?? r.proposedName;
  const what = t("what", { kind: r.kind, institution: r.institutionName, organization });
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const message = decision.approved
    ? decision.comment
      ? t("approvedWithComment", { What, comment: decision.comment })
      : t("approved", { What })
    : t("rejected", { What, reason: decision.reason });
  const site = env().SITE_URL;
  // Where the change shows: the organization's page for a new organization and for anything its secretariat
  // states, otherwise the institution's.
  const publicPath =
    r.organization && (r.kind === "ORGANIZATION_CREATE" || r.side === "ORGANIZATION")
      ? `/${locale}/organizations/${r.organization.slug}`
      : `/${locale}/institutions/${ownInstitution(r.institution, changeRequestId).slug}`;
  const lines = [
    message,
    ...(decision.approved ? [t("public", { link: siteLink(site, publicPath) })] : []),
    t("request", { link: siteLink(site, changeRequestPath(locale, changeRequestId)) }),
  ];
  return {
    ...r.recipient,
    changeRequestId,
    message,
    subject: t(decision.approved ? "approvedSubject" : "rejectedSubject", { what }),
    text: `${lines.join("\n\n")}\n`,
  };
}
