import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";

/** Above a proposal form opened from the triage: the visitor's suggestion it answers, as text. */
export async function AnsweredCorrection({
  correction,
  locale,
}: {
  correction: { what: string; sourceUrl: string };
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "corrections" });
  return (
    <section aria-label={t("triageTitle")} className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium">{t("answering")}</p>
      <p className="mt-2 whitespace-pre-wrap break-words">{correction.what}</p>
      <p className="mt-1 break-all font-mono text-slate-700">{correction.sourceUrl}</p>
    </section>
  );
}
