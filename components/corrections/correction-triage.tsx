import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import NextLink from "next/link";
import { closeCorrectionAction } from "@/lib/actions/corrections";
import { adminInstitutionPath, adminOrganizationPath } from "@/lib/shared/paths";
import type { CorrectionTriageRow } from "@/lib/shared/types/corrections";
import { CloseCorrectionForm } from "./close-correction-form";

type Membership = { id: string; organization: { name: string } };

/**
 * Where a manager turns a suggestion into a change request: the proposal forms, carrying its id. A secretariat's
 * manager proposes on the organization's own pages, then closes the suggestion saying what was proposed.
 */
async function TurnInto({
  row,
  memberships,
  side,
  locale,
}: {
  row: CorrectionTriageRow;
  memberships: Membership[];
  side: "institution" | "organization";
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "corrections" });
  const query = `?correction=${encodeURIComponent(row.id)}`;
  if (side === "organization")
    return (
      <div className="text-sm">
        <p>{t("turnOrganizationLead")}</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>
            <NextLink href={`/${locale}/account/organization/profile`} className="text-accent underline">
              {t("turnOrganizationProfile")}
            </NextLink>
          </li>
          <li>
            <NextLink href={`/${locale}/account/organization`} className="text-accent underline">
              {t("turnOrganizationMembers")}
            </NextLink>
          </li>
        </ul>
      </div>
    );
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-accent">{t("turnInto")}</summary>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>
          <NextLink href={`/${locale}/account/profile${query}`} className="text-accent underline">
            {t("turnProfile")}
          </NextLink>
        </li>
        <li>
          <NextLink href={`/${locale}/account/new${query}`} className="text-accent underline">
            {t("turnNew")}
          </NextLink>
        </li>
        {memberships.map((m) => (
          <li key={m.id}>
            <NextLink href={`/${locale}/account/memberships/${m.id}${query}`} className="text-accent underline">
              {t("turnMembership", { name: m.organization.name })}
            </NextLink>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The open suggestions a manager or an admin triages. What the visitor wrote and the address they gave are shown
 * as text: never as links, whatever they hold.
 */
export async function CorrectionTriage({
  rows,
  memberships,
  side = "institution",
  admin,
  locale,
}: {
  rows: CorrectionTriageRow[];
  /** A manager's institution's memberships (each can be the change); none for an admin. */
  memberships: Membership[];
  /** Whose manager triages: a university's (its proposal forms) or an organization's secretariat's. */
  side?: "institution" | "organization";
  admin: boolean;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "corrections" });
  if (!rows.length) return <p className="text-slate-700">{t("triageEmpty")}</p>;
  const texts = { reason: t("closeReason"), close: t("close") };
  return (
    <ul className="space-y-6">
      {rows.map((row) => (
        <li key={row.id} data-correction={row.id} className="rounded-md border border-slate-300 p-4">
          <p className="font-medium">
            {row.record.name}{" "}
            <span className="text-sm font-normal text-slate-600">
              · {t("received", { date: row.createdAt.slice(0, 10) })}
            </span>
          </p>
          <p className="mt-2 whitespace-pre-wrap break-words">{row.what}</p>
          <p className="mt-1 break-all font-mono text-sm text-slate-700">{row.sourceUrl}</p>
          <p className="mt-1 text-sm text-slate-600">{row.hasEmail ? t("hasEmail") : t("noEmail")}</p>
          <div className="mt-3 space-y-3">
            {admin ? (
              <NextLink
                href={
                  row.record.kind === "organization"
                    ? adminOrganizationPath(locale, row.record.slug)
                    : adminInstitutionPath(locale, row.record.slug)
                }
                className="text-sm text-accent underline"
              >
                {t("openAdmin")}
              </NextLink>
            ) : (
              <TurnInto row={row} memberships={memberships} side={side} locale={locale} />
            )}
            <CloseCorrectionForm action={closeCorrectionAction} correctionId={row.id} locale={locale} texts={texts} />
          </div>
        </li>
      ))}
    </ul>
  );
}
