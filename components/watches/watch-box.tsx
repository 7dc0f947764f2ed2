import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { watchRecordAction } from "@/lib/actions/watches";
import { WatchForm } from "./watch-form";
import { FormTextsFor } from "@/components/account/form-texts-for";

/** The end of every organization's and institution's page: watch it by email (digests of its approved changes). */
export async function WatchBox({
  record,
  locale,
}: {
  record: { kind: "organization" | "institution"; slug: string };
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "watch" });
  return (
    <section aria-labelledby="watch-by-email" className="relative mt-10 max-w-xl border-t border-slate-200 pt-4">
      <h2 id="watch-by-email" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 mb-3 text-sm text-slate-700">{t("lead")}</p>
      <FormTextsFor locale={locale}>
        <WatchForm
          action={watchRecordAction}
          locale={locale}
          record={record}
          texts={{
            email: t("email"),
            emailHint: t("emailHint"),
            frequency: t("frequency"),
            frequencies: { DAILY: t("DAILY"), WEEKLY: t("WEEKLY") },
            honeypot: t("honeypot"),
            submit: t("submit"),
          }}
        />
      </FormTextsFor>
    </section>
  );
}
