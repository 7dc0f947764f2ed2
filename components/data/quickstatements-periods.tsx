import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";

/**
 * What the Wikidata batch does with a member that left and rejoined: QuickStatements merges a line's qualifiers
 * onto an existing statement with the same value, so an editor must know which lines to check
 * (lib/open-data/quickstatements.ts).
 */
export async function QuickStatementsPeriods({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "data.periods" });
  const code = (chunks: React.ReactNode) => <code className="rounded bg-slate-100 px-1 text-sm">{chunks}</code>;
  return (
    <section aria-labelledby="wikidata-periods" className="max-w-3xl">
      <h2 id="wikidata-periods" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t.rich("lines", { code })}</p>
      <p className="mt-2 text-slate-700">{t.rich("merge", { code })}</p>
      <p className="mt-2 text-slate-700">{t.rich("export", { code })}</p>
      <h3 className="mt-3 font-semibold">{t("checkTitle")}</h3>
      <ul className="mt-1 list-disc space-y-1 pl-6 text-slate-700">
        <li>{t.rich("checkOne", { code })}</li>
        <li>{t("checkSplit")}</li>
        <li>{t("checkReferences")}</li>
      </ul>
    </section>
  );
}
