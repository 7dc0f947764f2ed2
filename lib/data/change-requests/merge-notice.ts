import "server-only";
import { ownInstitution } from "./sides";
import type { Tx } from "../db";
import { env } from "../../env";
import { changeRequestPath } from "../../shared/paths";
import { siteLink } from "../accounts/mail-texts";
import { noticeRequest, type DecisionNotice } from "./decision-notice";

/**
 * What the proposer is told when their proposed organization was recorded as a membership of an existing one
 * (merge.ts), in the language they last used: the name they proposed, the organization it is, what happened to
 * the membership, with links to their institution's page and to the request. Read in the merge's transaction.
 */
export async function mergeNotice(tx: Tx, changeRequestId: string, comment: string | null): Promise<DecisionNotice> {
  const r = await noticeRequest(tx, changeRequestId);
  const { locale, t, proposedName } = r;
  const institution = r.institutionName;
  const organization = r.organizationName ?? "—";
  const what = t("what", { kind: "ORGANIZATION_CREATE", institution, organization: proposedName });
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const facts = { What, institution, organization, outcome: r.mergeOutcome ?? "MEMBERSHIP_CREATED" };
  const message = comment ? t("mergedWithComment", { ...facts, comment }) : t("merged", facts);
  const site = env().SITE_URL;
  const lines = [
    message,
    t("public", {
      link: siteLink(site, `/${locale}/institutions/${ownInstitution(r.institution, changeRequestId).slug}`),
    }),
    t("request", { link: siteLink(site, changeRequestPath(locale, changeRequestId)) }),
  ];
  return {
    ...r.recipient,
    changeRequestId,
    message,
    subject: t("mergedSubject", { what, organization }),
    text: `${lines.join("\n\n")}\n`,
  };
}
