import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { approveClaimAction, rejectClaimAction } from "@/lib/actions/signup";
import { formatPartialDate } from "@/lib/shared/dates";
import type { ClaimView } from "@/lib/shared/claims";
import { ActionForm } from "./action-form";

const day = (iso: string, locale: Locale) =>
  formatPartialDate({ iso: iso.slice(0, 10), precision: "DAY" }, locale) ?? iso.slice(0, 10);

/**
 * Sign-ups waiting for a decision, each with what it rests on (a university's: the address's domain and the institution
 * it matched; a secretariat's: what its address proves, and so who may approve; when the address was proved, whether
 * the institution or organization has managers) and Approve / Reject.
 */
export async function ClaimList({ claims, locale, label }: { claims: ClaimView[]; locale: Locale; label: string }) {
  const t = await getTranslations({ locale, namespace: "signup" });
  if (!claims.length) return <p className="mt-4 text-sm text-muted">{t("claimsEmpty")}</p>;
  return (
    <ul className="mt-4 divide-y divide-line rounded-md border border-line bg-white" aria-label={label}>
      {claims.map((c) => (
        <li key={c.id} className="space-y-2 p-3" data-claim={c.email}>
          <p className="text-sm">
            <span className="font-medium">{c.name}</span> · {c.email}
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {c.side === "institution" ? (
              <>
                <dt className="text-muted">{t("colDomain")}</dt>
                <dd>
                  {c.domain}
                  {c.matchedDomain && c.matchedDomain !== c.domain
                    ? ` (${t("matched", { domain: c.matchedDomain })})`
                    : ""}
                </dd>
                <dt className="text-muted">{t("colInstitution")}</dt>
                <dd>{c.institution.name}</dd>
              </>
            ) : (
              <>
                <dt className="text-muted">{t("colOrganization")}</dt>
                <dd>{c.organization.name}</dd>
                <dt className="text-muted">{t("colAddress")}</dt>
                <dd data-address={c.address.kind}>
                  {c.address.kind === "own"
                    ? t("addressOwn", { domain: c.address.domain })
                    : c.address.kind === "shared"
                      ? t("addressShared", { domain: c.address.domain, institution: c.address.institution.name })
                      : t("addressOther", { domain: c.address.domain })}
                </dd>
              </>
            )}
            <dt className="text-muted">{t("colVerified")}</dt>
            <dd>{c.verifiedAt ? day(c.verifiedAt, locale) : "—"}</dd>
            <dt className="text-muted">{t("colManagers")}</dt>
            <dd>{c.hasManagers ? t("hasManagers") : t("noManagers")}</dd>
          </dl>
          <div className="flex flex-wrap items-start gap-3">
            <ActionForm
              action={approveClaimAction}
              hidden={{ userId: c.id }}
              submitLabel={t("approve")}
              locale={locale}
            />
            <ActionForm
              action={rejectClaimAction}
              hidden={{ userId: c.id }}
              submitLabel={t("reject")}
              tone="danger"
              locale={locale}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
