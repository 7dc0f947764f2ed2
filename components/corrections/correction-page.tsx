import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import NextLink from "next/link";
import { submitCorrectionAction } from "@/lib/actions/corrections";
import { PrivateIntl } from "@/components/account/private-intl";
import { CorrectionForm } from "./correction-form";

/** The "Suggest a correction" page of an organization or an institution: what it is about, the form, its rules. */
export async function CorrectionPage({
  record,
  name,
  backHref,
  locale,
}: {
  record: { kind: "organization" | "institution"; slug: string };
  name: string;
  backHref: string;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "corrections" });
  const keys = ["what", "whatHint", "sourceUrl", "sourceHint", "email", "emailHint", "honeypot", "submit"] as const;
  const texts = { ...Object.fromEntries(keys.map((k) => [k, t(k)])), statusLink: t("statusLink") } as Record<
    (typeof keys)[number] | "statusLink",
    string
  >;
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm">
        <NextLink href={backHref} className="text-accent underline">
          ← {t("backToPage")}
        </NextLink>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("formTitle")}</h1>
      <p className="mt-1 font-medium">{t("formAbout", { name })}</p>
      <p className="mt-2 text-sm text-slate-700">{t("formLead")}</p>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("limits")}</p>
      <PrivateIntl locale={locale}>
        <CorrectionForm action={submitCorrectionAction} locale={locale} record={record} texts={texts} />
      </PrivateIntl>
    </div>
  );
}
